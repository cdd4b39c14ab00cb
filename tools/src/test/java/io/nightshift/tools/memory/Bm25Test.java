package io.nightshift.tools.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25Test {
  private static final List<List<String>> DOCS = List.of(
      NoteTokenizer.terms("Apple, banana; APPLE."), // apple x2, banana: 3 terms
      NoteTokenizer.terms("banana cherry"), // 2 terms
      NoteTokenizer.terms("cherry date elderberry fig")); // 4 terms; mean length 3

  @Test
  void shouldRankAHandComputedExampleWithLengthNormalisation() {
    // N = 3, avgdl = 3, k1 = 1.2, b = 0.75
    // idf(apple)  = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(2.6667) = 0.980829
    // idf(cherry) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6)    = 0.470004
    // doc 0: apple, tf 2, |d| 3: norm 1     -> 0.980829 * 2 * 2.2 / (2 + 1.2 * 1)    = 1.348640
    // doc 1: cherry, tf 1, |d| 2: norm 0.75 -> 0.470004 * 1 * 2.2 / (1 + 1.2 * 0.75) = 0.544215
    // doc 2: cherry, tf 1, |d| 4: norm 1.25 -> 0.470004 * 1 * 2.2 / (1 + 1.2 * 1.25) = 0.413603
    List<Bm25.Hit> hits = Bm25.rank(DOCS, NoteTokenizer.terms("apple cherry"), 10);

    assertThat(hits).extracting(Bm25.Hit::document).containsExactly(0, 1, 2);
    assertThat(hits.get(0).score()).isCloseTo(1.348640, within(1e-6));
    assertThat(hits.get(1).score()).isCloseTo(0.544215, within(1e-6));
    assertThat(hits.get(2).score()).isCloseTo(0.413603, within(1e-6));
  }

  @Test
  void shouldCountARepeatedQueryTermOnceAndLeaveOutDocumentsWithoutAnyTerm() {
    List<Bm25.Hit> once = Bm25.rank(DOCS, List.of("apple"), 10);
    List<Bm25.Hit> twice = Bm25.rank(DOCS, List.of("apple", "apple"), 10);

    assertThat(twice).isEqualTo(once);
    assertThat(once).extracting(Bm25.Hit::document).containsExactly(0);
    assertThat(Bm25.rank(DOCS, List.of("grape"), 10)).isEmpty();
  }

  @Test
  void shouldKeepTheDocumentsOrderOnEqualScoresAndStopAtTheLimit() {
    List<List<String>> same = List.of(List.of("x", "y"), List.of("y", "x"), List.of("x", "z"));

    assertThat(Bm25.rank(same, List.of("x"), 10)).extracting(Bm25.Hit::document).containsExactly(0, 1, 2);
    assertThat(Bm25.rank(same, List.of("x"), 2)).extracting(Bm25.Hit::document).containsExactly(0, 1);
  }

  @Test
  void shouldSplitOnNonLettersAndDigitsLowerCaseAndDropStopWords() {
    assertThat(NoteTokenizer.terms("The IC50 of Imatinib was 0.25 µM, for ABL-1!"))
        .containsExactly("ic50", "imatinib", "0", "25", "µm", "abl", "1");
    assertThat(NoteTokenizer.terms("the of a")).isEmpty();
  }
}

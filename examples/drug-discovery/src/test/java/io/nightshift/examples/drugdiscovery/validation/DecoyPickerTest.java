package io.nightshift.examples.drugdiscovery.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.examples.drugdiscovery.chem.MatchingProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DUD-E-style decoys from the shipped library: matched in their window, dissimilar to every active, unique. */
class DecoyPickerTest {
  private static List<Ligand> actives;
  private static List<Ligand> library;

  @BeforeAll
  static void load() {
    actives = ValidationLibrary.actives().subList(0, 4);
    library = ValidationLibrary.decoyLibrary(300, 700).ligands();
  }

  @Test
  void shouldPickDecoysInsideTheirWindowAndDissimilarToEveryActive() {
    DecoyPicker.Result result = DecoyPicker.pick(actives, library, 6, 0.35, 1);
    Set<String> seen = new HashSet<>();
    for (DecoyPicker.Pick pick : result.all()) {
      PropertyWindow window = PropertyWindow.SCHEDULE.get(pick.level());
      assertThat(window.admits(pick.active().properties(), pick.decoy().properties()))
          .as("%s for %s at level %d", pick.decoy().id(), pick.active().id(), pick.level()).isTrue();
      for (Ligand active : ValidationLibrary.actives().subList(0, 4)) {
        assertThat(active.fingerprint().tanimoto(pick.decoy().fingerprint())).isLessThan(0.35)
            .isLessThanOrEqualTo(pick.maxSimilarity() + 1e-12);
      }
      assertThat(seen.add(pick.decoy().id())).as("decoy used once: %s", pick.decoy().id()).isTrue();
    }
    assertThat(result.byActive().keySet()).containsExactly("imatinib", "nilotinib", "dasatinib", "bosutinib");
    assertThat(result.byActive().values()).allSatisfy(picks -> assertThat(picks).hasSize(6));
  }

  @Test
  void shouldDrawTheSameDecoysForTheSameSeedAndOthersForAnother() {
    List<String> first = ids(DecoyPicker.pick(actives, library, 6, 0.35, 1));
    assertThat(ids(DecoyPicker.pick(actives, library, 6, 0.35, 1))).isEqualTo(first);
    assertThat(ids(DecoyPicker.pick(actives, library, 6, 0.35, 2))).isNotEqualTo(first);
  }

  @Test
  void shouldTakeNoMoleculeAtOrAboveTheSimilarityThreshold() {
    // with a strict threshold every decoy's highest Tanimoto to the actives stays below it
    assertThat(DecoyPicker.pick(actives, library, 3, 0.2, 1).all())
        .allSatisfy(p -> assertThat(p.maxSimilarity()).isLessThan(0.2));
  }

  @Test
  void shouldWidenTheWindowOnlyWhenTheNarrowerOneRunsShort() {
    // an "active" that is itself a library molecule's twin in properties finds its decoys at level 0
    Ligand twin = library.get(0);
    Ligand fakeActive = new Ligand("probe", "probe", twin.canonicalSmiles(), "test", twin.properties(),
        actives.get(0).fingerprint());
    DecoyPicker.Result result = DecoyPicker.pick(List.of(fakeActive), library, 1, 0.35, 1);
    assertThat(result.all()).singleElement().satisfies(p -> assertThat(p.level()).isZero());
  }

  @Test
  void shouldAdmitOnlyWhatEachPropertyWindowAllows() {
    MatchingProperties active = new MatchingProperties(500, 4.0, 2, 7, 6, 1);
    PropertyWindow narrow = PropertyWindow.SCHEDULE.get(0);
    assertThat(narrow.admits(active, new MatchingProperties(525, 4.5, 2, 8, 7, 1))).isTrue();
    assertThat(narrow.admits(active, new MatchingProperties(526, 4.0, 2, 7, 6, 1))).isFalse();
    assertThat(narrow.admits(active, new MatchingProperties(500, 4.6, 2, 7, 6, 1))).isFalse();
    assertThat(narrow.admits(active, new MatchingProperties(500, 4.0, 3, 7, 6, 1))).isFalse();
    assertThat(narrow.admits(active, new MatchingProperties(500, 4.0, 2, 9, 6, 1))).isFalse();
    assertThat(narrow.admits(active, new MatchingProperties(500, 4.0, 2, 7, 8, 1))).isFalse();
    assertThat(narrow.admits(active, new MatchingProperties(500, 4.0, 2, 7, 6, 0))).isFalse();
    assertThat(PropertyWindow.widest().admits(active, new MatchingProperties(640, 1.5, 5, 12, 11, -1))).isTrue();
  }

  private static List<String> ids(DecoyPicker.Result result) {
    return result.all().stream().map(p -> p.decoy().id()).toList();
  }
}

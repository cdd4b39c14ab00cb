package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemTallyTest {
  @Test
  void shouldPassWhenEveryItemComesBackOnceInAnyOrder() {
    ItemTally t = ItemTally.of(List.of("a", "b", "c"), List.of("c", "a", "b"));

    assertThat(t.exactlyOnce()).isTrue();
    assertThat(t.once()).isEqualTo(3);
    assertThat(t.toString()).isEqualTo("3/3 items exactly once, 0 missing, 0 duplicated, 0 unexpected");
  }

  @Test
  void shouldNameMissingDuplicatedAndUnexpectedItems() {
    ItemTally t = ItemTally.of(List.of("a", "b", "c", "d"), List.of("a", "b", "b", "x"));

    assertThat(t.exactlyOnce()).isFalse();
    assertThat(t.once()).isEqualTo(1);
    assertThat(t.missing()).containsExactly("c", "d");
    assertThat(t.duplicated()).containsExactly("b");
    assertThat(t.unexpected()).containsExactly("x");
    assertThat(t.toString()).startsWith("1/4 items exactly once, 2 missing, 1 duplicated, 1 unexpected");
  }

  @Test
  void shouldFailOnAnUnexpectedIdEvenWhenEverySubmittedItemIsThereOnce() {
    assertThat(ItemTally.of(List.of("a"), List.of("a", "z")).exactlyOnce()).isFalse();
  }
}

package io.nightshift.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaSetTest {
  private static ReplicaSet of(String... ids) {
    ReplicaSet set = new ReplicaSet();
    for (String id : ids) {
      set.add(id);
    }
    return set;
  }

  @Test
  void shouldSendEachCallToTheReplicaWithTheFewestOutstanding() {
    ReplicaSet set = of("a", "b", "c");
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      picks.add(set.acquire(id -> false));
    }

    assertThat(picks.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(picks.subList(3, 6)).containsExactlyInAnyOrder("a", "b", "c");
    set.release("b");
    set.release("b");
    assertThat(set.acquire(id -> false)).as("b has none outstanding, the others two").isEqualTo("b");
    assertThat(set.outstanding("a")).isEqualTo(2);
  }

  @Test
  void shouldPassOverOpenCircuitsUnlessAllAreOpen() {
    ReplicaSet set = of("a", "b");
    for (int i = 0; i < 5; i++) {
      assertThat(set.acquire(id -> id.equals("a"))).isEqualTo("b");
    }
    assertThat(set.acquire(id -> true)).as("all open: any, to be refused at once").isIn("a", "b");
  }

  @Test
  void shouldTakeTiesInTurnAndForgetARemovedReplica() {
    ReplicaSet set = of("a", "b");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      String id = set.acquire(x -> false);
      seen.add(id);
      set.release(id);
    }
    assertThat(seen).containsExactlyInAnyOrder("a", "b");
    assertThat(set.remove("a")).isFalse();
    assertThat(set.acquire(x -> false)).isEqualTo("b");
    assertThat(set.remove("b")).isTrue();
  }
}

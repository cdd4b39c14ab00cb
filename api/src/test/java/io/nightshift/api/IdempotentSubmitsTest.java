package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.TaskSpec;
import org.junit.jupiter.api.Test;

/** What makes a keyed submit repeatable: an id per tenant and key, and a spec digest that ignores map order. */
class IdempotentSubmitsTest {
  @Test
  void shouldDeriveOneValidTaskIdPerTenantAndKey() {
    String id = IdempotentSubmits.taskId("lab", "order-42");

    assertThat(id).matches("task-[0-9a-f]{32}").isEqualTo(IdempotentSubmits.taskId("lab", "order-42"));
    assertThat(IdempotentSubmits.taskId("ops", "order-42")).isNotEqualTo(id);
    assertThat(IdempotentSubmits.taskId("lab", "order-43")).isNotEqualTo(id);
  }

  @Test
  void shouldDigestTheSameSpecAlikeWhateverTheOrderOfItsMaps() {
    TaskSpec one = TaskSpec.newBuilder().setPipelineName("sample").putParams("a", "1").putParams("b", "2")
        .putLabels("team", "ml").putLabels("tier", "gold").build();
    TaskSpec sameOtherOrder = TaskSpec.newBuilder().setPipelineName("sample").putLabels("tier", "gold")
        .putParams("b", "2").putLabels("team", "ml").putParams("a", "1").build();

    assertThat(IdempotentSubmits.digest(sameOtherOrder)).isEqualTo(IdempotentSubmits.digest(one));
    assertThat(IdempotentSubmits.digest(one.toBuilder().putParams("a", "3").build()))
        .isNotEqualTo(IdempotentSubmits.digest(one));
  }
}

package io.nightshift.runtime.temporal.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanId;
import org.junit.jupiter.api.Test;

/** The ids that let every replay of a workflow run describe the same span. */
class RunSpanIdsTest {
  @Test
  void shouldGiveEveryReplayOfARunTheSameValidSpanIdAndOtherRunsOthers() {
    String first = RunSpanIds.ofWorkflowRun("268c067f-554e-4300-9908-6e48b8a8b759");
    assertThat(RunSpanIds.ofWorkflowRun("268c067f-554e-4300-9908-6e48b8a8b759")).isEqualTo(first);
    assertThat(SpanId.isValid(first)).isTrue();
    assertThat(RunSpanIds.ofWorkflowRun("9f5cdb83-316d-4ef2-98f1-a98d403f2313")).isNotEqualTo(first);
  }

  @Test
  void shouldHandThePinnedIdToOneSpanOnlyAndRandomOnesAfter() {
    RunSpanIds ids = new RunSpanIds();
    String pinned = RunSpanIds.ofWorkflowRun("run");
    assertThat(RunSpanIds.withSpanId(pinned, ids::generateSpanId)).isEqualTo(pinned);
    assertThat(RunSpanIds.withSpanId(pinned, () -> ids.generateSpanId() + ids.generateSpanId()))
        .startsWith(pinned).doesNotEndWith(pinned);
    assertThat(ids.generateSpanId()).isNotEqualTo(pinned).matches(SpanId::isValid);
  }

}

package io.nightshift.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

/** Heartbeat details as Temporal's data converter stores them, before and after waits were reported. */
class StepBeatTest {
  private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

  @Test
  void shouldReadProgressRecordedAsAPlainStringBeforeWaitsWereReported() {
    Payload old = converter.toPayload("docked 412 of 1000").orElseThrow();

    StepBeat beat = converter.fromPayload(old, StepBeat.class, StepBeat.class);

    assertThat(beat).isEqualTo(new StepBeat("docked 412 of 1000", "", ""));
  }

  @Test
  void shouldKeepProgressAndWaitSideBySide() {
    StepBeat waiting = new StepBeat("docked 412 of 1000", "waiting for 2 nvidia_gpu on pool gpus, 3 ahead",
        "dock");

    Payload stored = converter.toPayload(waiting).orElseThrow();

    assertThat(converter.fromPayload(stored, StepBeat.class, StepBeat.class)).isEqualTo(waiting);
  }
}

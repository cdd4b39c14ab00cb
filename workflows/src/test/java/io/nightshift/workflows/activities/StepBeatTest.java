package io.nightshift.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat details as Temporal's data converter stores them: before and after waits were reported, with and
 * without a running call's telemetry, and from a worker newer than the reader.
 */
class StepBeatTest {
  private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

  @Test
  void shouldReadProgressRecordedAsAPlainStringBeforeWaitsWereReported() {
    Payload old = converter.toPayload("docked 412 of 1000").orElseThrow();

    StepBeat beat = converter.fromPayload(old, StepBeat.class, StepBeat.class);

    assertThat(beat).isEqualTo(StepBeat.ofProgress("docked 412 of 1000"));
  }

  @Test
  void shouldKeepProgressAndWaitSideBySide() {
    StepBeat waiting = StepBeat.waiting("docked 412 of 1000", "waiting for 2 nvidia_gpu on pool gpus, 3 ahead",
        "dock");

    Payload stored = converter.toPayload(waiting).orElseThrow();

    assertThat(converter.fromPayload(stored, StepBeat.class, StepBeat.class)).isEqualTo(waiting);
  }

  @Test
  void shouldCarryARunningCallsTelemetryNamedByItsStep() {
    UnitTelemetry sampled = new UnitTelemetry(4, OptionalDouble.of(97), OptionalDouble.of(100),
        OptionalLong.of(61L << 30), OptionalDouble.of(655), OptionalDouble.of(12_000));
    StepBeat running = StepBeat.running("docked 500 of 1000", "dock", Optional.of(sampled));

    StepBeat read = converter.fromPayload(converter.toPayload(running).orElseThrow(), StepBeat.class, StepBeat.class);

    assertThat(read).isEqualTo(new StepBeat("docked 500 of 1000", "", "dock", Optional.of(sampled)));
  }

  @Test
  void shouldWriteABeatWithoutTelemetryInTheShapeOlderReadersKnow() throws Exception {
    Payload stored = converter.toPayload(StepBeat.running("docked 500 of 1000", "dock", Optional.empty()))
        .orElseThrow();

    JsonNode json = new ObjectMapper().readTree(stored.getData().toStringUtf8());

    assertThat(json.has("telemetry")).isFalse();
    assertThat(json.get("step").asText()).isEmpty(); // as running beats always were
  }

  @Test
  void shouldCarryACallsAttemptsNamedByItsStepAndReadBeatsWithoutThemAsNone() throws Exception {
    StepBeat running = StepBeat.running("docked 500 of 1000", "dock", Optional.empty(),
        List.of(new AttemptSpan(1, 100, 200, "endpoint busy"), new AttemptSpan(2, 1_200, 0, "")));

    Payload stored = converter.toPayload(running).orElseThrow();

    assertThat(converter.fromPayload(stored, StepBeat.class, StepBeat.class)).isEqualTo(running);
    assertThat(running.step()).isEqualTo("dock");
    JsonNode json = new ObjectMapper().readTree(stored.getData().toStringUtf8());
    assertThat(json.get("attempts").get(0).get("error").asText()).isEqualTo("endpoint busy");
    Payload older = converter.toPayload(StepBeat.waiting("p", "waiting", "dock")).orElseThrow();
    assertThat(new ObjectMapper().readTree(older.getData().toStringUtf8()).has("attempts"))
        .as("a beat without attempts keeps the shape older readers know").isFalse();
    assertThat(converter.fromPayload(older, StepBeat.class, StepBeat.class).attempts()).isEmpty();
  }

  @Test
  void shouldReadABeatOfANewerWorkerWithFieldsItDoesNotKnow() {
    Payload newer = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8("{\"progress\":\"p\",\"waiting\":\"\",\"step\":\"\",\"later\":1}"))
        .build();

    assertThat(converter.fromPayload(newer, StepBeat.class, StepBeat.class)).isEqualTo(StepBeat.ofProgress("p"));
  }
}

package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.nightshift.workflows.activities.AttemptSpan;
import io.nightshift.workflows.activities.AttemptTrail;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays tasks recorded once step calls reported their own attempts: a step Temporal retried twice before it
 * succeeded (its result lists the attempts), and one it gave up on after two (the last failure's details list
 * them). Recording them into the task's state issues no command, so there is no version marker; this shows the new
 * payloads replay, as TaskWorkflowReplayTest shows histories without them still do. Record them (never over
 * existing files) with
 * {@code ./mvnw -o -pl workflows test -Dtest=StepAttemptsReplayTest -Dnightshift.recordHistories=true}.
 */
class StepAttemptsReplayTest {
  private static final String SUCCEEDED = "task-flaky-attempts";
  private static final String FAILED = "task-flaky-attempts-failed";

  @Test
  void shouldReplayTasksWhoseStepCallsReportedTheirAttempts() throws Exception {
    RecordedHistories.replay(SUCCEEDED, TaskWorkflowImpl.class, MapWorkflowImpl.class);
    RecordedHistories.replay(FAILED, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  @Test
  void shouldHaveRecordedTheAttemptsInTheResultAndInTheLastFailure() throws Exception {
    StepOutput out = RecordedPayloads.read(RecordedPayloads.history(SUCCEEDED).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskCompletedEventAttributes)
        .map(e -> e.getActivityTaskCompletedEventAttributes().getResult().getPayloads(0))
        .filter(p -> p.getData().toStringUtf8().contains("\"attempts\"")).findFirst().orElseThrow(),
        StepOutput.class);
    assertThat(out.attempts()).extracting(AttemptSpan::number, AttemptSpan::error)
        .containsExactly(tuple(1, "endpoint busy"),
            tuple(2, "endpoint busy"), tuple(3, ""));

    AttemptTrail trail = RecordedPayloads.read(RecordedPayloads.history(FAILED).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskFailedEventAttributes)
        .map(e -> e.getActivityTaskFailedEventAttributes().getFailure().getApplicationFailureInfo().getDetails())
        .filter(d -> d.getPayloadsCount() > 0).reduce((a, b) -> b).orElseThrow().getPayloads(0),
        AttemptTrail.class);
    assertThat(trail.attempts()).extracting(AttemptSpan::number).containsExactly(1, 2);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    for (String id : List.of(SUCCEEDED, FAILED)) {
      if (Files.exists(RecordedHistories.file(id))) {
        continue;
      }
      // a fixture each: the flaky tool counts its calls, and each task must see it fail from its first call
      try (EngineFixture engine = new EngineFixture(dir.resolve(id))) {
        try {
          engine.stub(id).run(EngineFixture.input(id, id.equals(SUCCEEDED) ? Plans.FLAKY : Plans.FLAKY_TWO_ATTEMPTS));
        } catch (RuntimeException expectedForTheFailingPlan) {
          // its history is the point
        }
        Files.writeString(RecordedHistories.file(id),
            engine.env.getWorkflowClient().fetchHistory(id).toJson(true));
      }
    }
  }
}

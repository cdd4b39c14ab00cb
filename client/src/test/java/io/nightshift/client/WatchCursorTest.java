package io.nightshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.TimelineEvent;
import org.junit.jupiter.api.Test;

/** What a watch passes on after it reconnects: only views it has not delivered, never an older one. */
class WatchCursorTest {
  @Test
  void shouldSkipTheViewARewatchStartsWithWhenItWasDeliveredBefore() {
    WatchCursor cursor = new WatchCursor("t1");
    TaskEvent running = event(view(TaskState.TASK_STATE_RUNNING, 10, StepState.STEP_STATE_RUNNING));

    assertThat(cursor.isNew(running)).isTrue();
    assertThat(cursor.isNew(running.toBuilder().build())).as("the same view, from the new stream").isFalse();
    assertThat(cursor.ended()).isFalse();
  }

  @Test
  void shouldPassAChangedViewAndRefuseAnOlderOne() {
    WatchCursor cursor = new WatchCursor("t1");
    cursor.isNew(event(view(TaskState.TASK_STATE_RUNNING, 10, StepState.STEP_STATE_RUNNING)));

    assertThat(cursor.isNew(event(view(TaskState.TASK_STATE_RUNNING, 12, StepState.STEP_STATE_SUCCEEDED)))).isTrue();
    assertThat(cursor.isNew(event(view(TaskState.TASK_STATE_RUNNING, 11, StepState.STEP_STATE_RUNNING))))
        .as("older than the last delivered").isFalse();
    assertThat(cursor.isNew(event(view(TaskState.TASK_STATE_SUCCEEDED, 13, StepState.STEP_STATE_SUCCEEDED))))
        .isTrue();
    assertThat(cursor.ended()).isTrue();
    assertThat(cursor.last().orElseThrow().getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
  }

  @Test
  void shouldReopenAfterTheSequenceItReachedAndRefuseAViewBehindIt() {
    WatchCursor cursor = new WatchCursor("t1");
    Task seven = view(TaskState.TASK_STATE_RUNNING, 10, StepState.STEP_STATE_RUNNING).toBuilder().setSequence(7)
        .build();
    assertThat(cursor.isNew(TaskEvent.newBuilder().setTask(seven).setSequence(7).build())).isTrue();

    assertThat(cursor.request().getAfterSequence()).isEqualTo(7);
    Task five = view(TaskState.TASK_STATE_RUNNING, 12, StepState.STEP_STATE_SUCCEEDED).toBuilder().setSequence(5)
        .build();
    assertThat(cursor.isNew(TaskEvent.newBuilder().setTask(five).setSequence(7).build()))
        .as("a view another API read before the one delivered").isFalse();
  }

  /** A reopened stream's first event repeats nothing, but a server may: entries are kept once, by sequence. */
  @Test
  void shouldKeepEachTimelineEntryOnceEvenFromAViewItLeavesOut() {
    WatchCursor cursor = new WatchCursor("t1");
    Task seven = view(TaskState.TASK_STATE_RUNNING, 10, StepState.STEP_STATE_RUNNING).toBuilder().setSequence(7)
        .build();
    cursor.isNew(TaskEvent.newBuilder().setTask(seven).setSequence(7).addTimeline(entry(6)).addTimeline(entry(7))
        .build());
    // the same view again (left out) with entries 7 and 8, then 5 entries the task no longer kept
    assertThat(cursor.isNew(TaskEvent.newBuilder().setTask(seven).setSequence(8).addTimeline(entry(7))
        .addTimeline(entry(8)).setTimelineLost(5).build())).isFalse();

    assertThat(cursor.timeline()).extracting(TimelineEvent::getSequence).containsExactly(6L, 7L, 8L);
    assertThat(cursor.timelineLost()).isEqualTo(5);
  }

  /** Tasks of workers older than the timeline number nothing: a re-watch asks for the task alone. */
  @Test
  void shouldReopenWithTheTaskAloneWhenEventsCarryNoSequenceNumbers() {
    WatchCursor cursor = new WatchCursor("t1");
    cursor.isNew(event(view(TaskState.TASK_STATE_RUNNING, 10, StepState.STEP_STATE_RUNNING)));

    assertThat(cursor.request().getTaskId()).isEqualTo("t1");
    assertThat(cursor.request().getAllFields()).hasSize(1);
    assertThat(cursor.lastSequence()).isZero();
  }

  private static TimelineEvent entry(long sequence) {
    return TimelineEvent.newBuilder().setSequence(sequence).setStep("a").build();
  }

  private static TaskEvent event(Task task) {
    return TaskEvent.newBuilder().setTask(task).build();
  }

  private static Task view(TaskState state, long updatedSeconds, StepState step) {
    return Task.newBuilder().setId("t1").setState(state).setUpdatedAt(Timestamp.newBuilder().setSeconds(updatedSeconds))
        .addSteps(Step.newBuilder().setName("a").setState(step)).build();
  }
}

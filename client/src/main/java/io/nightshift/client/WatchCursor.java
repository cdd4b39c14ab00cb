package io.nightshift.client;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.TimelineEvent;
import io.nightshift.api.v1.WatchTaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a watch is: the last view it delivered and the task's timeline sequence it reached. A new stream (after a
 * reconnect) asks for what came after that sequence ({@code after_sequence}) and starts with the task's current
 * view, which the caller may already have; the cursor lets through only views it has not delivered and that are not
 * older than the last one (by sequence, and by {@code updated_at} for views without one, from older workers), so a
 * reconnect neither repeats nor goes back.
 */
final class WatchCursor {
  private final String taskId;
  private Task last;
  private long lastSequence;
  private final List<TimelineEvent> timeline = new ArrayList<>();
  private long timelineLost;

  WatchCursor(String taskId) {
    this.taskId = taskId;
  }

  /** The request that (re)opens the stream: after the sequence reached, the current view first. */
  WatchTaskRequest request() {
    return WatchTaskRequest.newBuilder().setTaskId(taskId).setAfterSequence(lastSequence).build();
  }

  /**
   * Whether {@code event} holds a view the caller has not had; records it as delivered when so. Its timeline
   * entries are kept either way (each once, by sequence): a view left out as old may still bring entries.
   */
  boolean isNew(TaskEvent event) {
    long reached = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).getSequence();
    for (TimelineEvent entry : event.getTimelineList()) {
      if (entry.getSequence() > reached) {
        timeline.add(entry);
        reached = entry.getSequence();
      }
    }
    timelineLost += event.getTimelineLost();
    Task task = event.getTask();
    if (last != null && (task.equals(last) || older(task, last) || task.getSequence() < last.getSequence())) {
      return false;
    }
    last = task;
    lastSequence = Math.max(lastSequence, event.getSequence());
    return true;
  }

  /** The task's timeline sequence the watch reached; 0 before the first event, and for tasks of older workers. */
  long lastSequence() {
    return lastSequence;
  }

  /** The task's timeline entries the watch received, oldest first, each once. */
  List<TimelineEvent> timeline() {
    return List.copyOf(timeline);
  }

  /** Entries the task no longer kept when the watch asked for them (it retains its latest 256). */
  long timelineLost() {
    return timelineLost;
  }

  Optional<Task> last() {
    return Optional.ofNullable(last);
  }

  /** Whether the last view delivered is a final one: the watch is over. */
  boolean ended() {
    return last != null && isFinal(last.getState());
  }

  static boolean isFinal(TaskState state) {
    return state == TaskState.TASK_STATE_SUCCEEDED || state == TaskState.TASK_STATE_FAILED
        || state == TaskState.TASK_STATE_CANCELLED;
  }

  private static boolean older(Task candidate, Task delivered) {
    return candidate.hasUpdatedAt() && delivered.hasUpdatedAt()
        && compare(candidate.getUpdatedAt(), delivered.getUpdatedAt()) < 0;
  }

  private static int compare(Timestamp a, Timestamp b) {
    int bySeconds = Long.compare(a.getSeconds(), b.getSeconds());
    return bySeconds != 0 ? bySeconds : Integer.compare(a.getNanos(), b.getNanos());
  }
}

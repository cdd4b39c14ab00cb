package io.nightshift.client;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.WatchTaskRequest;
import java.util.Optional;

/**
 * Where a watch is: the last view it delivered. A new stream (after a reconnect) starts with the task's current view,
 * which the caller may already have; the cursor lets through only views it has not delivered and that are not
 * older than the last one (by {@code updated_at}), so a reconnect neither repeats nor goes back.
 *
 * <p>The seam for sequence numbers: once TaskEvent carries {@code sequence} (field 3) and WatchTaskRequest
 * {@code after_sequence} (field 2), {@link #request} asks for the events after {@link #lastSequence()} and
 * {@link #isNew} compares sequences instead of views; nothing else of the watch changes.
 */
final class WatchCursor {
  private final String taskId;
  private Task last;
  private long lastSequence;

  WatchCursor(String taskId) {
    this.taskId = taskId;
  }

  /** The request that (re)opens the stream: today the whole current view comes first, and {@link #isNew} filters. */
  WatchTaskRequest request() {
    return WatchTaskRequest.newBuilder().setTaskId(taskId).build();
  }

  /** Whether {@code event} holds a view the caller has not had; records it as delivered when so. */
  boolean isNew(TaskEvent event) {
    Task task = event.getTask();
    if (last != null && (task.equals(last) || older(task, last))) {
      return false;
    }
    last = task;
    return true;
  }

  /** The sequence number of the last event delivered; 0 until the API numbers its events. */
  long lastSequence() {
    return lastSequence;
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

package io.nightshift.client;

import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import java.time.Duration;
import java.util.Optional;

/** {@link TaskHandle#await} ran out of time before the task ended; says where the task was then. */
public final class TaskTimeoutException extends RuntimeException {
  private final transient Task lastSeen;

  TaskTimeoutException(String taskId, Duration waited, Optional<Task> lastSeen) {
    super("task " + taskId + " did not end within " + waited + "; it was "
        + lastSeen.map(t -> t.getState().name().replace("TASK_STATE_", "")).orElse("not seen yet")
        + " then");
    this.lastSeen = lastSeen.orElse(null);
  }

  /** The task's state when the wait ran out; UNSPECIFIED where no view arrived in time. */
  public TaskState state() {
    return lastSeen == null ? TaskState.TASK_STATE_UNSPECIFIED : lastSeen.getState();
  }

  /** The last view of the task the wait saw, if any. */
  public Optional<Task> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }
}

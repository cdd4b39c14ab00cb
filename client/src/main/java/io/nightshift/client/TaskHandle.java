package io.nightshift.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.Task;
import java.time.Duration;

/** One task of a {@link NightshiftClient}: what {@code submit} returns, or {@code client.task(id)} for an older one. */
public final class TaskHandle {
  private final NightshiftClient client;
  private final String id;

  TaskHandle(NightshiftClient client, String id) {
    this.client = client;
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The task's current view (GetTask). */
  public Task get() {
    return client.get(id);
  }

  /**
   * Waits for the task to end, following it with a watch that resumes after drops.
   *
   * @return the final view (SUCCEEDED, FAILED or CANCELLED: a failed task is an answer, not an exception)
   * @throws TaskTimeoutException when {@code timeout} passes first; it names the state the task was in then
   * @throws StatusRuntimeException the API's refusal (NOT_FOUND, PERMISSION_DENIED...), or UNAVAILABLE once the
   *     client's retry policy gave up reconnecting
   */
  public Task await(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }
    try (TaskWatch watch = client.watch(id, timeout)) {
      Task last = null;
      try {
        while (watch.hasNext()) {
          last = watch.next();
        }
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
          throw new TaskTimeoutException(id, timeout, watch.last());
        }
        throw e;
      }
      if (last == null || !WatchCursor.isFinal(last.getState())) {
        throw new TaskTimeoutException(id, timeout, watch.last());
      }
      return last;
    }
  }

  public void cancel(String reason) {
    client.cancel(id, reason);
  }

  public void pause(String reason) {
    client.pause(id, reason);
  }

  public void resume() {
    client.resume(id);
  }

  public void steer(String guidance) {
    client.steer(id, guidance);
  }

  @Override
  public String toString() {
    return "task " + id;
  }
}

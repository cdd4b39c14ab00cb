package io.nightshift.api;

import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskState;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams a task's view to a client whenever it changes, until the task ends or the client goes away. Polls the
 * progress query on a small shared scheduler, so a thousand watchers do not hold a thousand threads.
 */
final class TaskWatcher implements AutoCloseable {
  private final TaskReader reader;
  private final Duration interval;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "nightshift-watch");
    t.setDaemon(true);
    return t;
  });

  TaskWatcher(WorkflowClient client, Duration interval) {
    this.reader = new TaskReader(client);
    this.interval = interval;
  }

  /**
   * @param scope the watching call's, kept for each poll: they run on the scheduler's threads, outside the call's
   *     context
   */
  void watch(String taskId, TenantScope scope, ServerCallStreamObserver<TaskEvent> out) {
    AtomicReference<Task> last = new AtomicReference<>();
    AtomicReference<ScheduledFuture<?>> job = new AtomicReference<>();
    out.setOnCancelHandler(() -> {
      ScheduledFuture<?> f = job.get();
      if (f != null) {
        f.cancel(false);
      }
    });
    job.set(scheduler.scheduleWithFixedDelay(() -> {
      if (out.isCancelled()) {
        job.get().cancel(false);
        return;
      }
      try {
        Task now = reader.get(taskId, scope);
        if (!sameContent(now, last.get())) {
          last.set(now);
          out.onNext(TaskEvent.newBuilder().setTask(now).setObservedAt(now()).build());
        }
        if (isFinal(now.getState())) {
          job.get().cancel(false);
          out.onCompleted();
        }
      } catch (StatusRuntimeException e) {
        job.get().cancel(false);
        out.onError(CallFailures.toStatus(e));
      } catch (RuntimeException e) {
        // a transient failure reading the task: the next poll tries again
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS));
  }

  private static boolean sameContent(Task a, Task b) {
    return b != null && a.toBuilder().clearUpdatedAt().build().equals(b.toBuilder().clearUpdatedAt().build());
  }

  static boolean isFinal(TaskState s) {
    return s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED
        || s == TaskState.TASK_STATE_CANCELLED;
  }

  private static Timestamp now() {
    Instant i = Instant.now();
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

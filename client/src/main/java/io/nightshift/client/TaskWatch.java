package io.nightshift.client;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TimelineEvent;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A task's views as it changes, until its final one ({@code NightshiftClient.watch}). Resumes by itself: when the
 * stream drops (UNAVAILABLE: the API restarted, a connection was cut) or ends before the task did, it watches again
 * with the client's {@link RetryPolicy} (tries counted from the last view delivered), and its {@link WatchCursor}
 * passes on only views not delivered before. Blocking; one reader at a time. Close it to stop early.
 */
public final class TaskWatch implements Iterator<Task>, AutoCloseable {
  private final TaskServiceGrpc.TaskServiceBlockingStub tasks;
  private final RetryPolicy reconnects;
  private final Optional<Deadline> deadline;
  private final WatchCursor cursor;
  private Context.CancellableContext call;
  private Iterator<TaskEvent> events;
  private Task next;
  private boolean closed;
  private int reconnected;

  TaskWatch(TaskServiceGrpc.TaskServiceBlockingStub tasks, String taskId, RetryPolicy reconnects,
      Optional<Deadline> deadline) {
    this.tasks = tasks;
    this.reconnects = reconnects;
    this.deadline = deadline;
    this.cursor = new WatchCursor(taskId);
  }

  /**
   * Whether another view comes; blocks until it does or the task has ended.
   *
   * @throws StatusRuntimeException the API's answer when it is not UNAVAILABLE (NOT_FOUND, PERMISSION_DENIED...),
   *     UNAVAILABLE once the retry policy's tries are spent, DEADLINE_EXCEEDED past a deadline the watch was given
   */
  @Override
  public boolean hasNext() {
    int failedTries = 0;
    while (next == null && !closed && !cursor.ended()) {
      try {
        if (events == null) {
          open();
        }
        if (!events.hasNext()) {
          // the stream ended before the task did (the API closed it): watch again, as after a drop
          events = null;
          failedTries = retryAfter(failedTries, Status.UNAVAILABLE.withDescription("the watch of "
              + cursor.last().map(Task::getId).orElse("the task") + " ended before the task did").asRuntimeException());
          continue;
        }
        TaskEvent event = events.next();
        if (cursor.isNew(event)) {
          next = event.getTask();
          failedTries = 0;
        }
      } catch (StatusRuntimeException e) {
        events = null;
        if (closed) {
          return false;
        }
        if (!Retries.retryable(e)) {
          throw e;
        }
        failedTries = retryAfter(failedTries, e);
      }
    }
    return next != null;
  }

  @Override
  public Task next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the task has ended (or the watch was closed)");
    }
    Task out = next;
    next = null;
    return out;
  }

  /** The views as a sequential stream; closing the stream closes the watch. */
  public Stream<Task> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  /** The last view delivered, if any. */
  public Optional<Task> last() {
    return cursor.last();
  }

  /**
   * The task's timeline as the watch received it so far: its entries (state changes, steps started, retried and
   * ended, decisions, plan versions...), oldest first, each once across reconnects, since every stream it opens
   * asks for the entries after the last one it has.
   */
  public List<TimelineEvent> timeline() {
    return cursor.timeline();
  }

  /** Entries of the timeline that were no longer kept by the task when the watch asked for them; 0 normally. */
  public long timelineLost() {
    return cursor.timelineLost();
  }

  /** How many times the watch opened its stream again after a drop. */
  public int reconnects() {
    return reconnected;
  }

  /** Stops the watch: the open stream is cancelled, and {@link #hasNext} answers false from now on. */
  @Override
  public void close() {
    closed = true;
    if (call != null) {
      call.cancel(null);
    }
  }

  private void open() {
    if (call != null) {
      call.cancel(null);
      reconnected++;
    }
    // a context of its own, so that close() can cancel a blocking read of the stream
    call = Context.current().withCancellation();
    Context previous = call.attach();
    try {
      events = (deadline.isPresent() ? tasks.withDeadline(deadline.get()) : tasks).watchTask(cursor.request());
    } finally {
      call.detach(previous);
    }
  }

  private int retryAfter(int failedTries, StatusRuntimeException failure) {
    int failed = failedTries + 1;
    if (failed >= reconnects.maxAttempts()) {
      throw failure;
    }
    if (deadline.isPresent() && deadline.get().isExpired()) {
      throw Status.DEADLINE_EXCEEDED.withDescription("the watch's deadline passed while reconnecting")
          .asRuntimeException();
    }
    Retries.pause(reconnects.backoffAfter(failed));
    return failed;
  }
}

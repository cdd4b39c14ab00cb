package io.nightshift.api;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.nightshift.api.v1.TaskEvent;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WatchTask stream fed by its task's {@link SharedTaskPoll}, under gRPC flow control: a snapshot goes out when
 * the call is ready for it; one that arrives while the client is still reading the last replaces the one waiting.
 * Each snapshot is the whole task view, so a slow client skips intermediate views and loses nothing, and the server
 * holds at most one waiting snapshot per stream however slowly the client reads. The timeline entries a skipped
 * view brought are not lost with it: each sent event carries every entry after the last one this stream sent
 * ({@link TimelineCursor}).
 */
final class WatchSubscriber {
  private final ServerCallStreamObserver<TaskEvent> out;
  private final Runnable onEnd;
  private final TimelineCursor cursor;
  private final AtomicBoolean ended = new AtomicBoolean();
  private TaskEvent waiting;
  private boolean lastWaiting;
  private boolean closed;

  /**
   * @param after the last timeline sequence the client saw (WatchTaskRequest.after_sequence)
   * @param onEnd runs once when the stream ends, whichever way
   */
  WatchSubscriber(ServerCallStreamObserver<TaskEvent> out, long after, Runnable onEnd) {
    this.out = out;
    this.cursor = new TimelineCursor(after);
    this.onEnd = onEnd;
  }

  /**
   * {@code event} (a view as read, with the task's whole timeline) replaces any snapshot still waiting; {@code
   * last}: the task ended, the stream ends after it.
   */
  void offer(TaskEvent event, boolean last) {
    boolean finished;
    synchronized (this) {
      if (closed) {
        return;
      }
      waiting = event;
      lastWaiting = last;
      finished = send();
    }
    endIf(finished);
  }

  /** Sends what waits if the call is ready; called from the call's on-ready handler. */
  void drain() {
    boolean finished;
    synchronized (this) {
      finished = !closed && send();
    }
    endIf(finished);
  }

  void fail(StatusRuntimeException status) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      out.onError(status);
    }
    endIf(true);
  }

  /** The client went away: nothing more is sent. */
  void cancelled() {
    synchronized (this) {
      closed = true;
    }
    endIf(true);
  }

  /** Whether the stream ended: its last snapshot went out. */
  private boolean send() {
    if (waiting == null || !out.isReady()) {
      return false;
    }
    out.onNext(cursor.next(waiting));
    waiting = null;
    if (!lastWaiting) {
      return false;
    }
    closed = true;
    out.onCompleted();
    return true;
  }

  /** Runs the end action outside the lock: it leaves the shared poll, which takes the poll's lock. */
  private void endIf(boolean finished) {
    if (finished && ended.compareAndSet(false, true)) {
      onEnd.run();
    }
  }
}

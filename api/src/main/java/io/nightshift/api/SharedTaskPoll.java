package io.nightshift.api;

import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one poll of a task that all its watchers share: every interval it reads the task (in every tenant's scope,
 * since each watcher's tenant was checked when it subscribed) and hands each distinct view to every subscriber. It
 * starts with its first subscriber and stops when the last one leaves or the task ends, so a task watched by a
 * hundred pages costs Temporal what one watcher costs.
 */
final class SharedTaskPoll {
  private final String taskId;
  private final Function<String, Task> read;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final Consumer<SharedTaskPoll> onStop;
  private final List<WatchSubscriber> subscribers = new ArrayList<>();
  private TaskEvent latest;
  private ScheduledFuture<?> job;
  private boolean stopped;

  /**
   * @param read   the task's current view, whatever its tenant
   * @param onStop runs once when the poll stops, outside its lock, so a new watcher of the task starts a new poll
   */
  SharedTaskPoll(String taskId, Function<String, Task> read, ScheduledExecutorService scheduler, Duration interval,
      Consumer<SharedTaskPoll> onStop) {
    this.taskId = taskId;
    this.read = read;
    this.scheduler = scheduler;
    this.interval = interval;
    this.onStop = onStop;
  }

  /** Adds a subscriber, which gets the latest view at once; false if this poll already stopped (start a new one). */
  synchronized boolean add(WatchSubscriber subscriber) {
    if (stopped) {
      return false;
    }
    subscribers.add(subscriber);
    if (job == null) {
      job = scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    } else if (latest != null) {
      subscriber.offer(latest, false);
    }
    return true;
  }

  void remove(WatchSubscriber subscriber) {
    boolean last;
    synchronized (this) {
      last = subscribers.remove(subscriber) && subscribers.isEmpty() && stop();
    }
    if (last) {
      onStop.accept(this);
    }
  }

  private void poll() {
    Task now;
    try {
      now = read.apply(taskId);
    } catch (StatusRuntimeException e) {
      end(CallFailures.toStatus(e));
      return;
    } catch (RuntimeException e) {
      return; // a transient failure reading the task: the next poll tries again
    }
    boolean last = TaskWatcher.isFinal(now.getState());
    TaskEvent event;
    List<WatchSubscriber> to;
    synchronized (this) {
      if (stopped || (latest != null && sameContent(now, latest.getTask()))) {
        return;
      }
      event = TaskEvent.newBuilder().setTask(now).setObservedAt(now()).build();
      latest = event;
      if (last) {
        stop();
      }
      to = List.copyOf(subscribers);
    }
    to.forEach(s -> s.offer(event, last));
    if (last) {
      onStop.accept(this);
    }
  }

  private void end(StatusRuntimeException status) {
    List<WatchSubscriber> to;
    synchronized (this) {
      if (!stop()) {
        return;
      }
      to = List.copyOf(subscribers);
    }
    to.forEach(s -> s.fail(status));
    onStop.accept(this);
  }

  /** Whether this call stopped it (it had not stopped before). */
  private boolean stop() {
    if (stopped) {
      return false;
    }
    stopped = true;
    if (job != null) {
      job.cancel(false);
    }
    return true;
  }

  private static boolean sameContent(Task a, Task b) {
    return a.toBuilder().clearUpdatedAt().build().equals(b.toBuilder().clearUpdatedAt().build());
  }

  private static Timestamp now() {
    Instant i = Instant.now();
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}

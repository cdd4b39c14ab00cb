package io.nightshift.api;

import io.grpc.stub.ServerCallStreamObserver;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskState;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Streams a task's view to its watchers whenever it changes, until the task ends or they go away. All watchers of
 * one task in this namespace share one {@link SharedTaskPoll}, on a small shared scheduler, so a thousand watchers
 * hold neither a thousand threads nor a thousand polls; how many may watch at once is {@link WatchSlots}' cap.
 */
final class TaskWatcher implements AutoCloseable {
  /** {@code --max-watchers}' default, for a watcher made without a shared cap (tests of the other calls). */
  static final int DEFAULT_MAX_WATCHERS = 1000;

  private final Function<String, Task> read;
  private final Duration interval;
  private final WatchSlots slots;
  private final ConcurrentMap<String, SharedTaskPoll> polls = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "nightshift-watch");
    t.setDaemon(true);
    return t;
  });

  /** Watches in {@code client}'s namespace, up to the default {@value #DEFAULT_MAX_WATCHERS} at once. */
  TaskWatcher(WorkflowClient client, Duration interval) {
    this(client, interval, new WatchSlots(DEFAULT_MAX_WATCHERS));
  }

  /** @param slots the cap on streams, shared with the other namespaces' watchers */
  TaskWatcher(WorkflowClient client, Duration interval, WatchSlots slots) {
    this(reader(new TaskReader(client)), interval, slots);
  }

  /** @param read a task's view whatever its tenant: each watcher's tenant is checked before it subscribes */
  TaskWatcher(Function<String, Task> read, Duration interval, WatchSlots slots) {
    this.read = read;
    this.interval = interval;
    this.slots = slots;
  }

  private static Function<String, Task> reader(TaskReader reader) {
    return taskId -> reader.get(taskId, TenantScope.everyTenant());
  }

  /**
   * Subscribes a stream to its task's shared poll. The caller checked that the task is in the watcher's tenant;
   * RESOURCE_EXHAUSTED where {@code --max-watchers} streams are open already.
   */
  void watch(String taskId, ServerCallStreamObserver<TaskEvent> out) {
    watch(taskId, 0, out);
  }

  /**
   * As {@link #watch(String, ServerCallStreamObserver)}, resuming after timeline sequence {@code after}: the first
   * event carries the task's retained entries after it.
   */
  void watch(String taskId, long after, ServerCallStreamObserver<TaskEvent> out) {
    slots.take();
    SubscribedPoll subscribed = new SubscribedPoll();
    WatchSubscriber subscriber = new WatchSubscriber(out, after, () -> {
      subscribed.leave();
      slots.release();
    });
    out.setOnCancelHandler(subscriber::cancelled);
    out.setOnReadyHandler(subscriber::drain);
    while (true) {
      SharedTaskPoll poll = polls.computeIfAbsent(taskId, id -> new SharedTaskPoll(id, read, scheduler, interval,
          stopped -> polls.remove(id, stopped)));
      if (subscribed.join(poll, subscriber)) {
        return;
      }
      polls.remove(taskId, poll); // it stopped as this watcher came: the next turn starts a new one
    }
  }

  /** The poll a subscriber joined, so it can leave it when its stream ends, even before the join returned. */
  private static final class SubscribedPoll {
    private SharedTaskPoll poll;
    private WatchSubscriber subscriber;
    private boolean left;

    synchronized boolean join(SharedTaskPoll candidate, WatchSubscriber who) {
      if (left) {
        return true; // the stream ended already: nothing to join
      }
      if (!candidate.add(who)) {
        return false;
      }
      poll = candidate;
      subscriber = who;
      return true;
    }

    void leave() {
      SharedTaskPoll joined;
      WatchSubscriber who;
      synchronized (this) {
        left = true;
        joined = poll;
        who = subscriber;
      }
      if (joined != null) {
        joined.remove(who);
      }
    }
  }

  static boolean isFinal(TaskState s) {
    return s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED
        || s == TaskState.TASK_STATE_CANCELLED;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

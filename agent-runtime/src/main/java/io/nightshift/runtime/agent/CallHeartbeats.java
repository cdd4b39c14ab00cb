package io.nightshift.runtime.agent;

import io.nightshift.workflows.activities.ActivityToolRunner;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats sent for an activity while it waits on a long call (a summary on a CPU model takes minutes), so a
 * worker that dies in the middle is noticed within the activity's heartbeat timeout and another worker retries it,
 * instead of the attempt waiting out its start-to-close timeout. The first beat waits one interval: a quick call
 * costs the server no heartbeat write. Close it when the call returns.
 */
final class CallHeartbeats implements AutoCloseable {
  private static final ScheduledExecutorService BEATS = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "nightshift-call-heartbeats");
    t.setDaemon(true);
    return t;
  });
  private final ScheduledFuture<?> beating;

  /** Beats for nothing: the caller is not an activity (a test calling an implementation directly). */
  private CallHeartbeats() {
    this.beating = null;
  }

  private CallHeartbeats(ActivityExecutionContext activity, Thread caller) {
    long every = ActivityToolRunner.HEARTBEAT_EVERY_MILLIS;
    this.beating = BEATS.scheduleAtFixedRate(() -> beat(activity, caller), every, every, TimeUnit.MILLISECONDS);
  }

  /** Starts beating for the activity running on this thread. */
  static CallHeartbeats start(ActivityExecutionContext activity) {
    return new CallHeartbeats(activity, Thread.currentThread());
  }

  /** Starts beating for the activity running on this thread, if one is: else beats for nothing. */
  static CallHeartbeats startIfInActivity() {
    ActivityExecutionContext activity;
    try {
      activity = Activity.getExecutionContext();
    } catch (IllegalStateException notAnActivity) {
      return new CallHeartbeats();
    }
    return start(activity);
  }

  private void beat(ActivityExecutionContext activity, Thread caller) {
    try {
      activity.heartbeat(null);
    } catch (ActivityCompletionException e) {
      // Temporal cancelled or timed out this attempt: stop the call rather than finish work nobody takes
      beating.cancel(false);
      caller.interrupt();
    } catch (RuntimeException e) {
      // a failed heartbeat RPC is retried on the next beat; the server's heartbeat timeout is the judge
    }
  }

  @Override
  public void close() {
    if (beating != null) {
      beating.cancel(false);
    }
  }
}

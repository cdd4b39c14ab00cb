package io.nightshift.workflows.logging;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.Arrays;
import org.slf4j.MDC;

/**
 * Ends an activity's task and step in MDC when the activity ends. Temporal sets them on the activity's thread from
 * its headers ({@link TaskLogPropagator}) before the activity runs, but never clears them, and only sets them when a
 * header came: without this, the next activity on the same pooled thread (an inventory poll, a call from a workflow
 * started without them) would log under the last task's id. Temporal's own keys (attempt, activity type, workflow
 * id) are set and cleared by its activity worker around the whole task.
 */
public final class ActivityLogContext extends WorkerInterceptorBase {
  /** Options for a worker factory whose activities end their log context: the runtime builds every factory so. */
  public static WorkerFactoryOptions factoryOptions() {
    return around(WorkerFactoryOptions.getDefaultInstance());
  }

  /** {@code options} with this interceptor added to the ones they have (the runtime's step timings, ...). */
  public static WorkerFactoryOptions around(WorkerFactoryOptions options) {
    WorkerInterceptor[] theirs = options.getWorkerInterceptors() == null ? new WorkerInterceptor[0]
        : options.getWorkerInterceptors();
    WorkerInterceptor[] all = Arrays.copyOf(theirs, theirs.length + 1);
    all[theirs.length] = new ActivityLogContext();
    return WorkerFactoryOptions.newBuilder(options).setWorkerInterceptors(all).build();
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } finally {
          TaskLogContext.OURS.forEach(MDC::remove);
        }
      }
    };
  }
}

package io.nightshift.runtime.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activities the workers of one namespace run at this moment, by task token: what a stopping worker hands back
 * to Temporal when they outlast its grace ({@link WorkerShutdown}).
 */
final class RunningActivities extends WorkerInterceptorBase {
  private final Set<Token> running = ConcurrentHashMap.newKeySet();

  /** A task token, compared by content. */
  record Token(byte[] bytes) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Token t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private byte[] taskToken;

      @Override
      public void init(ActivityExecutionContext context) {
        taskToken = context.getTaskToken(); // the thread's context is not set yet when interceptors run
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Token token = new Token(taskToken);
        running.add(token);
        try {
          return super.execute(input);
        } finally {
          running.remove(token);
        }
      }
    };
  }

  List<Token> now() {
    return List.copyOf(running);
  }
}

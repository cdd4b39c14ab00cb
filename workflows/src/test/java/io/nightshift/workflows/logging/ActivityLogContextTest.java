package io.nightshift.workflows.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.Header;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Temporal sets an activity's task and step on its pooled thread from the headers and never takes them away: the
 * interceptor does, when the activity returns and when it throws, and leaves Temporal's own keys to Temporal.
 */
class ActivityLogContextTest {
  private static final Map<String, Object> PROPAGATED = Map.of(TaskLogContext.TASK_ID, "task-1",
      TaskLogContext.STEP, "load");

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void shouldTakeTheTaskAndStepAwayWhenTheActivityReturns() {
    Map<String, String> during = new HashMap<>();
    ActivityInboundCallsInterceptor chain = new ActivityLogContext().interceptActivity(activity(() -> {
      during.putAll(MDC.getCopyOfContextMap());
      return "done";
    }));
    MDC.put(TaskLogContext.ATTEMPT, "1"); // Temporal's, set around the whole activity task
    new TaskLogPropagator().setCurrentContext(PROPAGATED); // as Temporal does from the activity's header

    Object result = chain.execute(new ActivityInboundCallsInterceptor.ActivityInput(Header.empty(), new Object[0]))
        .getResult();

    assertThat(result).isEqualTo("done");
    assertThat(during).containsEntry(TaskLogContext.TASK_ID, "task-1").containsEntry(TaskLogContext.STEP, "load");
    assertThat(MDC.get(TaskLogContext.TASK_ID)).isNull();
    assertThat(MDC.get(TaskLogContext.STEP)).isNull();
    assertThat(MDC.get(TaskLogContext.ATTEMPT)).as("Temporal's own key is Temporal's to clear").isEqualTo("1");
  }

  @Test
  void shouldTakeTheTaskAndStepAwayWhenTheActivityFails() {
    ActivityInboundCallsInterceptor chain = new ActivityLogContext().interceptActivity(activity(() -> {
      throw new IllegalStateException("tool crashed");
    }));
    new TaskLogPropagator().setCurrentContext(PROPAGATED);

    assertThatThrownBy(() -> chain.execute(
        new ActivityInboundCallsInterceptor.ActivityInput(Header.empty(), new Object[0])))
        .hasMessage("tool crashed");

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void shouldReplaceAStepTheNextActivitysHeaderDoesNotCarry() {
    TaskLogPropagator propagator = new TaskLogPropagator();
    propagator.setCurrentContext(PROPAGATED);

    // the next activity on the thread is the task's own (planning), with no step: its header names none
    propagator.setCurrentContext(propagator.deserializeContext(propagator.serializeContext(
        Map.of(TaskLogContext.TASK_ID, "task-2"))));

    assertThat(MDC.get(TaskLogContext.TASK_ID)).isEqualTo("task-2");
    assertThat(MDC.get(TaskLogContext.STEP)).isNull();
  }

  /** The activity at the end of the chain, as Temporal's root interceptor would call it. */
  private static ActivityInboundCallsInterceptor activity(Supplier<Object> body) {
    return new ActivityInboundCallsInterceptor() {
      @Override
      public void init(ActivityExecutionContext context) {}

      @Override
      public ActivityOutput execute(ActivityInput input) {
        return new ActivityOutput(body.get());
      }
    };
  }
}

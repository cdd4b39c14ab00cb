package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.context.Context;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import java.util.function.Supplier;

/**
 * Puts the workflow run's trace context in the header of every activity, child workflow and continue-as-new, so
 * the next run of a task that continues as new stays in the task's trace.
 */
final class TracingWorkflowOutbound extends WorkflowOutboundCallsInterceptorBase {
  private final Supplier<Context> run;
  private final Runnable runEnds;

  /** @param runEnds ends the run's span: continue-as-new leaves the workflow thread without returning */
  TracingWorkflowOutbound(WorkflowOutboundCallsInterceptor next, Supplier<Context> run, Runnable runEnds) {
    super(next);
    this.run = run;
    this.runEnds = runEnds;
  }

  @Override
  public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
    TraceHeader.write(run.get(), input.getHeader());
    return super.executeActivity(input);
  }

  @Override
  public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
    TraceHeader.write(run.get(), input.getHeader());
    return super.executeLocalActivity(input);
  }

  @Override
  public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
    TraceHeader.write(run.get(), input.getHeader());
    return super.executeChildWorkflow(input);
  }

  @Override
  public void continueAsNew(ContinueAsNewInput input) {
    TraceHeader.write(run.get(), input.getHeader());
    runEnds.run();
    super.continueAsNew(input);
  }
}

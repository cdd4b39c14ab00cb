package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.internal.sync.DestroyWorkflowThreadError;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.unsafe.WorkflowUnsafe;
import java.util.concurrent.TimeUnit;

/**
 * A {@code RunWorkflow:Type} span over one workflow run, child of the context its start carried.
 *
 * <p>A worker rebuilds a run by replaying it, so this span is started again at every rebuild: it takes the
 * workflow's own start time and an id derived from the run id ({@link RunSpanIds}), and it ends, and so is
 * exported, only where the run finishes for real, not while replaying (a query replays a finished run to the end)
 * nor when the worker drops the run from its cache. Every rebuild thus describes the same one span.
 *
 * <p>The run's context is kept here, not in a thread-local, because workflow code may schedule from threads of
 * its own ({@code Async}); the outbound side reads it from here for every activity and child it starts. Tracing
 * does not change what the workflow does: it adds a header and records nothing in history.
 */
final class TracingWorkflowInbound extends WorkflowInboundCallsInterceptorBase {
  private Context run = Context.root();
  private Span span = Span.getInvalid();
  private boolean ended;

  TracingWorkflowInbound(WorkflowInboundCallsInterceptor next) {
    super(next);
  }

  @Override
  public void init(WorkflowOutboundCallsInterceptor outbound) {
    super.init(new TracingWorkflowOutbound(outbound, () -> run, this::finish));
  }

  @Override
  public WorkflowOutput execute(WorkflowInput input) {
    WorkflowInfo info = Workflow.getInfo();
    Context parent = TraceHeader.read(input.getHeader());
    span = RunSpanIds.withSpanId(RunSpanIds.ofWorkflowRun(info.getRunId()), () -> TemporalSpans.tracer()
        .spanBuilder("RunWorkflow:" + info.getWorkflowType())
        .setSpanKind(SpanKind.SERVER).setParent(parent)
        .setStartTimestamp(Workflow.currentTimeMillis(), TimeUnit.MILLISECONDS)
        .setAttribute(TemporalSpans.WORKFLOW_ID, info.getWorkflowId())
        .setAttribute(TemporalSpans.RUN_ID, info.getRunId())
        .setAttribute(TemporalSpans.TASK_QUEUE, info.getTaskQueue())
        .startSpan());
    run = parent.with(span);
    try (Scope ignored = run.makeCurrent()) {
      WorkflowOutput output = super.execute(input);
      finish();
      return output;
    } catch (DestroyWorkflowThreadError e) {
      // dropped from the cache (the run goes on elsewhere or later), or continued as new (finished there)
      throw e;
    } catch (RuntimeException | Error e) {
      TemporalSpans.failed(span, e);
      finish();
      throw e;
    }
  }

  /** Ends the run's span where the run ends for real; a replay only rebuilds it. */
  private void finish() {
    if (!ended && !WorkflowUnsafe.isReplaying()) {
      ended = true;
      span.end();
    }
  }
}

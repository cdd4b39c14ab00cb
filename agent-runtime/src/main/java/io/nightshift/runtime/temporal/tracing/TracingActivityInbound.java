package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;

/**
 * A {@code RunActivity:Type} span over each activity attempt, child of the workflow run that scheduled it, and
 * current while the activity runs, so the model calls and HTTP requests it makes are its children.
 */
final class TracingActivityInbound extends ActivityInboundCallsInterceptorBase {
  private ActivityInfo info;

  TracingActivityInbound(ActivityInboundCallsInterceptor next) {
    super(next);
  }

  @Override
  public void init(ActivityExecutionContext context) {
    this.info = context.getInfo();
    super.init(context);
  }

  @Override
  public ActivityOutput execute(ActivityInput input) {
    Span span = TemporalSpans.tracer().spanBuilder("RunActivity:" + info.getActivityType())
        .setSpanKind(SpanKind.SERVER).setParent(TraceHeader.read(input.getHeader()))
        .setAttribute(TemporalSpans.WORKFLOW_ID, info.getWorkflowId())
        .setAttribute(TemporalSpans.RUN_ID, info.getRunId())
        .setAttribute(TemporalSpans.ACTIVITY_ID, info.getActivityId())
        .setAttribute(TemporalSpans.ATTEMPT, (long) info.getAttempt())
        .setAttribute(TemporalSpans.TASK_QUEUE, info.getActivityTaskQueue())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return super.execute(input);
    } catch (RuntimeException | Error e) {
      TemporalSpans.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }
}

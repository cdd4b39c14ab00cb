package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.util.function.Supplier;

/**
 * A {@code StartWorkflow:Type} span around each workflow start, child of whatever is current (the API call that
 * submitted the task), whose context rides in the start's header to the workflow.
 */
final class TracingClientInterceptor extends WorkflowClientInterceptorBase {
  @Override
  public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
    return new WorkflowClientCallsInterceptorBase(next) {
      @Override
      public WorkflowStartOutput start(WorkflowStartInput input) {
        return traced("StartWorkflow:", input, () -> super.start(input));
      }

      @Override
      public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
        return traced("SignalWithStartWorkflow:", input.getWorkflowStartInput(), () -> super.signalWithStart(input));
      }
    };
  }

  private static <T> T traced(String prefix, WorkflowClientCallsInterceptor.WorkflowStartInput input,
      Supplier<T> start) {
    Span span = TemporalSpans.tracer().spanBuilder(prefix + input.getWorkflowType()).setSpanKind(SpanKind.CLIENT)
        .setAttribute(TemporalSpans.WORKFLOW_ID, input.getWorkflowId())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      TraceHeader.write(Context.current(), input.getHeader());
      return start.get();
    } catch (RuntimeException e) {
      TemporalSpans.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }
}

package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * Names and attributes of the spans Temporal work makes, after the SDK's own OpenTracing module
 * ({@code StartWorkflow:Type}, {@code RunWorkflow:Type}, {@code RunActivity:Type}), so traces read the same as
 * other Temporal applications'. Ids only: the workflow id of a task is its task id, and no argument is recorded.
 */
final class TemporalSpans {
  static final AttributeKey<String> WORKFLOW_ID = AttributeKey.stringKey("temporal.workflow.id");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("temporal.run.id");
  static final AttributeKey<String> ACTIVITY_ID = AttributeKey.stringKey("temporal.activity.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("temporal.activity.attempt");
  static final AttributeKey<String> TASK_QUEUE = AttributeKey.stringKey("temporal.task_queue");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private TemporalSpans() {}

  /** Looked up per span: the runtime installs its SDK as the global one at start, or none (a no-op) without tracing. */
  static Tracer tracer() {
    return GlobalOpenTelemetry.getTracer("io.nightshift.runtime.temporal");
  }

  /** The failure's type only: a message may quote what the task was about. */
  static void failed(Span span, Throwable failure) {
    span.setAttribute(ERROR_TYPE, failure.getClass().getName());
    span.setStatus(StatusCode.ERROR);
  }
}

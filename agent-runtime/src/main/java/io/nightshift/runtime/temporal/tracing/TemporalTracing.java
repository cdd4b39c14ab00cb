package io.nightshift.runtime.temporal.tracing;

import io.temporal.common.SimplePlugin;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;

/**
 * Tracing through Temporal as one plugin on the workflow client: its client interceptor opens the trace's way into
 * a workflow, and since a client plugin that is also a worker plugin reaches every worker factory built on that
 * client, its worker interceptor traces the workflows and activities those workers run, with no change to how
 * workers are made. The trace context crosses Temporal in a header ({@link TraceHeader}), W3C-formatted, the same
 * as a ContextPropagator would carry it; the OpenTracing module of the SDK would need OpenTelemetry's OpenTracing
 * shim, which our Maven repository does not serve. Inert while no OpenTelemetry SDK is installed.
 */
public final class TemporalTracing {
  public static final String PLUGIN_NAME = "io.nightshift.tracing";

  private TemporalTracing() {}

  public static SimplePlugin plugin() {
    return SimplePlugin.newBuilder(PLUGIN_NAME)
        .addClientInterceptors(new TracingClientInterceptor())
        .addWorkerInterceptors(new WorkerInterceptorBase() {
          @Override
          public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new TracingWorkflowInbound(next);
          }

          @Override
          public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
            return new TracingActivityInbound(next);
          }
        })
        .build();
  }
}

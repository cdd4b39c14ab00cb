package io.nightshift.api.tracing;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.nightshift.api.edge.UnparseableRequests;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One SERVER span per gRPC call, named {@code service/method} after OpenTelemetry's RPC conventions, child of the
 * caller's {@code traceparent} when it sent one. The span is current while the service handles the call, so the
 * workflow start a submit makes joins the same trace. Its attributes are the method, the status and the task id
 * the request or answer names ({@link CallSpans}), never other request content. Outermost of the server's
 * interceptors, so calls that authentication or the gate refuse are traced too; gRPC's health and reflection
 * services are not traced.
 */
public final class TracedCalls implements ServerInterceptor {
  /**
   * gRPC's own services (health, reflection): probes call health every few seconds, and a root trace per probe
   * would bury the tasks' traces.
   */
  private static final Predicate<String> UNTRACED = service -> service != null && service.startsWith("grpc.");

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    MethodDescriptor<ReqT, RespT> method = call.getMethodDescriptor();
    if (UNTRACED.test(method.getServiceName())) {
      return next.startCall(call, headers);
    }
    Context parent = GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
        .extract(Context.root(), headers, CallSpans.METADATA);
    Span span = CallSpans.start(method, parent);
    Context context = parent.with(span);
    AtomicBoolean ended = new AtomicBoolean();
    ServerCall<ReqT, RespT> traced = new SimpleForwardingServerCall<>(call) {
      @Override
      public void sendMessage(RespT message) {
        CallSpans.taskIdOf(message, span);
        super.sendMessage(message);
      }

      @Override
      public void close(Status status, Metadata trailers) {
        if (ended.compareAndSet(false, true)) {
          CallSpans.closed(span, status);
          span.end();
        }
        super.close(status, trailers);
      }
    };
    ServerCall.Listener<ReqT> listener;
    try (Scope ignored = context.makeCurrent()) {
      listener = next.startCall(traced, headers);
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(ReqT message) {
        UnparseableRequests.requestMessage(message).ifPresent(request -> CallSpans.taskIdOf(request, span));
        try (Scope ignored = context.makeCurrent()) {
          super.onMessage(message);
        }
      }

      @Override
      public void onHalfClose() {
        try (Scope ignored = context.makeCurrent()) {
          super.onHalfClose();
        }
      }

      @Override
      public void onReady() {
        try (Scope ignored = context.makeCurrent()) {
          super.onReady();
        }
      }

      @Override
      public void onCancel() {
        try (Scope ignored = context.makeCurrent()) {
          super.onCancel();
        } finally {
          if (ended.compareAndSet(false, true)) {
            CallSpans.cancelled(span);
            span.end();
          }
        }
      }

      @Override
      public void onComplete() {
        try (Scope ignored = context.makeCurrent()) {
          super.onComplete();
        }
      }
    };
  }
}

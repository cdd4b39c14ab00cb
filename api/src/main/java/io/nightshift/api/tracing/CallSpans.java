package io.nightshift.api.tracing;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.EnumSet;
import java.util.Set;

/** What the API's call spans record, and how they read the caller's trace context from gRPC metadata. */
final class CallSpans {
  static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("nightshift.task.id");
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("rpc.system");
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("rpc.service");
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("rpc.method");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("rpc.grpc.status_code");
  /** The codes that mean the server failed, as OpenTelemetry's RPC conventions list them; the rest are the caller's. */
  private static final Set<Status.Code> SERVER_FAULTS = EnumSet.of(Status.Code.UNKNOWN,
      Status.Code.DEADLINE_EXCEEDED, Status.Code.UNIMPLEMENTED, Status.Code.INTERNAL, Status.Code.UNAVAILABLE,
      Status.Code.DATA_LOSS);

  static final TextMapGetter<Metadata> METADATA = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Metadata carrier) {
      return carrier.keys();
    }

    @Override
    public String get(Metadata carrier, String key) {
      // binary headers (-bin) are not text; W3C trace context never uses one
      if (carrier == null || key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        return null;
      }
      return carrier.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
    }
  };

  private CallSpans() {}

  static Span start(MethodDescriptor<?, ?> method, Context parent) {
    String service = method.getServiceName() == null ? "" : method.getServiceName();
    String name = method.getBareMethodName() == null ? method.getFullMethodName() : method.getBareMethodName();
    return GlobalOpenTelemetry.getTracer("io.nightshift.api").spanBuilder(method.getFullMethodName())
        .setSpanKind(SpanKind.SERVER).setParent(parent)
        .setAttribute(SYSTEM, "grpc")
        .setAttribute(SERVICE, service)
        .setAttribute(METHOD, name)
        .startSpan();
  }

  /** The message's {@code task_id}, where its type has one and it is set: the one piece of content a span keeps. */
  static void taskIdOf(Object message, Span span) {
    if (!span.isRecording() || !(message instanceof Message m)) {
      return;
    }
    FieldDescriptor field = m.getDescriptorForType().findFieldByName("task_id");
    if (field != null && field.getJavaType() == FieldDescriptor.JavaType.STRING && !field.isRepeated()) {
      String id = (String) m.getField(field);
      if (!id.isEmpty()) {
        span.setAttribute(TASK_ID, id);
      }
    }
  }

  static void closed(Span span, Status status) {
    span.setAttribute(STATUS, (long) status.getCode().value());
    if (SERVER_FAULTS.contains(status.getCode())) {
      // the code only: a description may quote the request
      span.setStatus(StatusCode.ERROR, status.getCode().name());
    }
  }

  static void cancelled(Span span) {
    span.setAttribute(STATUS, (long) Status.Code.CANCELLED.value());
  }
}

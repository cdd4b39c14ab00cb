package io.nightshift.runtime.temporal.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.interceptors.Header;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a trace context across Temporal in one header of every workflow start, activity, child workflow and
 * continue-as-new: the W3C {@code traceparent} (and {@code tracestate}) as a small JSON map. Trace ids only, never
 * task content, so it goes through the plain converter, outside the payload encryption.
 */
final class TraceHeader {
  static final String KEY = "nightshift-trace-context";
  private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private TraceHeader() {}

  /** Writes {@code context} into {@code header}; nothing when tracing is off (the no-op propagator writes nothing). */
  static void write(Context context, Header header) {
    Map<String, String> carrier = new HashMap<>();
    propagator().inject(context, carrier, Map::put);
    if (!carrier.isEmpty()) {
      header.getValues().put(KEY, DefaultDataConverter.STANDARD_INSTANCE.toPayload(carrier).orElseThrow());
    }
  }

  /**
   * The context {@code header} carries; the root context when it carries none, or one this cannot read: a span
   * without its parent is better than a workflow task that fails on every attempt over a header.
   */
  @SuppressWarnings("unchecked")
  static Context read(Header header) {
    Payload payload = header.getValues().get(KEY);
    if (payload == null) {
      return Context.root();
    }
    Map<String, String> carrier;
    try {
      carrier = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, Map.class, Map.class);
    } catch (RuntimeException e) {
      return Context.root();
    }
    return propagator().extract(Context.root(), carrier, FROM_MAP);
  }

  private static TextMapPropagator propagator() {
    return GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
  }
}

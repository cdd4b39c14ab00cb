package io.nightshift.models.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.URI;

/**
 * One CLIENT span per HTTP request to a model server, after OpenTelemetry's HTTP conventions, and the W3C
 * {@code traceparent} header on the request, so a model server that traces (vLLM does) joins the task's trace.
 * Host, port and path only: never the query or the body.
 */
final class HttpRequestSpans {
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  /** The same key as the model call's span: a collector can find every request of one endpoint. */
  private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("nightshift.model.endpoint");
  private static final TextMapSetter<java.net.http.HttpRequest.Builder> HEADERS =
      (request, name, value) -> request.setHeader(name, value);

  private HttpRequestSpans() {}

  static Span start(String method, URI url, String endpointId) {
    return GlobalOpenTelemetry.getTracer("io.nightshift.models").spanBuilder(method).setSpanKind(SpanKind.CLIENT)
        .setAttribute(METHOD, method)
        .setAttribute(SERVER_ADDRESS, url.getHost())
        .setAttribute(SERVER_PORT, (long) port(url))
        .setAttribute(PATH, url.getRawPath())
        .setAttribute(ENDPOINT, endpointId)
        .startSpan();
  }

  /** Writes the span's context into the request's headers, with whatever propagators the runtime installed. */
  static void inject(Span span, java.net.http.HttpRequest.Builder request) {
    GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
        .inject(Context.current().with(span), request, HEADERS);
  }

  static void responded(Span span, int status) {
    span.setAttribute(STATUS, (long) status);
    if (status >= 400) {
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
  }

  static void failed(Span span, Throwable e) {
    span.setAttribute(ERROR_TYPE, e.getClass().getName());
    span.setStatus(StatusCode.ERROR);
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}

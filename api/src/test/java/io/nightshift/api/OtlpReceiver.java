package io.nightshift.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace endpoint on a real loopback socket: it takes what the runtime's
 * exporter posts to {@code /v1/traces} ({@code ExportTraceServiceRequest}, protobuf) and keeps the spans.
 *
 * <p>The request is read with protobuf's own wire reader ({@link UnknownFieldSet}) by the field numbers of
 * opentelemetry-proto's {@code trace.proto}, since that project's Java classes are generated for protobuf 4 and
 * this build runs protobuf 3.25.
 */
final class OtlpReceiver implements AutoCloseable {
  /** One received span, with ids in lower-case hex as OTLP/JSON and trace viewers show them. */
  record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, int kind, String service,
      Map<String, Object> attributes) {
    boolean root() {
      return parentSpanId.isEmpty();
    }
  }

  // ExportTraceServiceRequest.resource_spans, ResourceSpans.resource / scope_spans, ScopeSpans.spans
  private static final int RESOURCE_SPANS = 1;
  private static final int RESOURCE = 1;
  private static final int SCOPE_SPANS = 2;
  private static final int SPANS = 2;
  // Span fields
  private static final int TRACE_ID = 1;
  private static final int SPAN_ID = 2;
  private static final int PARENT_SPAN_ID = 4;
  private static final int NAME = 5;
  private static final int KIND = 6;
  private static final int ATTRIBUTES = 9;
  // Resource.attributes; KeyValue.key / value; AnyValue.string_value / int_value
  private static final int RESOURCE_ATTRIBUTES = 1;
  private static final int KEY = 1;
  private static final int VALUE = 2;
  private static final int STRING_VALUE = 1;
  private static final int INT_VALUE = 3;

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpReceiver start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OtlpReceiver receiver = new OtlpReceiver(http);
    http.createContext("/v1/traces", receiver::export);
    http.start();
    return receiver;
  }

  /** The base URL, as {@code --otlp-endpoint} takes it. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  List<String> contentTypes() {
    return List.copyOf(contentTypes);
  }

  private void export(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
      UnknownFieldSet request = UnknownFieldSet.parseFrom(body.readAllBytes());
      for (ByteString resourceSpans : lengthDelimited(request, RESOURCE_SPANS)) {
        UnknownFieldSet rs = UnknownFieldSet.parseFrom(resourceSpans);
        Map<String, Object> resource = new LinkedHashMap<>();
        for (ByteString r : lengthDelimited(rs, RESOURCE)) {
          resource.putAll(attributes(UnknownFieldSet.parseFrom(r), RESOURCE_ATTRIBUTES));
        }
        String service = String.valueOf(resource.get("service.name"));
        for (ByteString scopeSpans : lengthDelimited(rs, SCOPE_SPANS)) {
          for (ByteString span : lengthDelimited(UnknownFieldSet.parseFrom(scopeSpans), SPANS)) {
            spans.add(span(UnknownFieldSet.parseFrom(span), service));
          }
        }
      }
      // an empty ExportTraceServiceResponse: everything accepted
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static ReceivedSpan span(UnknownFieldSet span, String service) {
    List<Long> kind = span.getField(KIND).getVarintList();
    return new ReceivedSpan(hex(span, TRACE_ID), hex(span, SPAN_ID), hex(span, PARENT_SPAN_ID),
        lengthDelimited(span, NAME).get(0).toStringUtf8(), kind.isEmpty() ? 0 : kind.get(0).intValue(), service,
        attributes(span, ATTRIBUTES));
  }

  private static Map<String, Object> attributes(UnknownFieldSet message, int field) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ByteString kv : lengthDelimited(message, field)) {
      try {
        UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(kv);
        String key = lengthDelimited(keyValue, KEY).get(0).toStringUtf8();
        UnknownFieldSet value = UnknownFieldSet.parseFrom(lengthDelimited(keyValue, VALUE).get(0));
        if (value.hasField(STRING_VALUE)) {
          out.put(key, lengthDelimited(value, STRING_VALUE).get(0).toStringUtf8());
        } else if (value.hasField(INT_VALUE)) {
          out.put(key, value.getField(INT_VALUE).getVarintList().get(0));
        }
      } catch (IOException e) {
        throw new IllegalStateException("an attribute is not a KeyValue", e);
      }
    }
    return out;
  }

  private static String hex(UnknownFieldSet message, int field) {
    List<ByteString> bytes = lengthDelimited(message, field);
    return bytes.isEmpty() ? "" : HexFormat.of().formatHex(bytes.get(0).toByteArray());
  }

  private static List<ByteString> lengthDelimited(UnknownFieldSet message, int field) {
    return message.hasField(field) ? message.getField(field).getLengthDelimitedList() : new ArrayList<>();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

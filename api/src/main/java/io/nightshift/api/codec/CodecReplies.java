package io.nightshift.api.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the codec server answers: JSON, never cached (an answer holds payloads in the clear), never sniffed; errors
 * as {@code {"code":"PERMISSION_DENIED","message":"..."}}, the code named as the gRPC API names it.
 */
final class CodecReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CodecReplies() {}

  static void error(HttpExchange ex, int status, String code, String message) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    json(ex, status, JSON.writeValueAsBytes(body));
  }

  static void json(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Where a request came from, as the audit log names callers: {@code 127.0.0.1:53412}. */
  static String peer(HttpExchange ex) {
    InetSocketAddress remote = ex.getRemoteAddress();
    if (remote == null || remote.getAddress() == null) {
      return "unknown";
    }
    String host = remote.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + remote.getPort();
  }
}

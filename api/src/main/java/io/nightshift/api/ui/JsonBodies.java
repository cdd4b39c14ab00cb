package io.nightshift.api.ui;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A request body that is one of the API's messages in its JSON form. Only {@code Content-Type: application/json}
 * is taken: a browser does not send that cross-site without a preflight this server never grants, which is what
 * keeps another site's page from acting here. A refused body is answered here, and the caller gets nothing.
 */
final class JsonBodies {
  static final int MAX_BODY = 64 * 1024;

  private JsonBodies() {}

  /** The body merged into {@code template}'s copy, or empty after answering 415 or 400. */
  static <B extends Message.Builder> Optional<B> read(HttpExchange ex, B template, int maxBytes) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      WorkflowUiServer.sendJson(ex, 415, HttpStatuses.body("INVALID_ARGUMENT",
          "this action takes Content-Type: application/json", null));
      return Optional.empty();
    }
    String body = new String(WorkflowUiServer.readBody(ex, maxBytes), StandardCharsets.UTF_8);
    @SuppressWarnings("unchecked")
    B request = (B) template.clone();
    try {
      JsonFormat.parser().merge(body.isBlank() ? "{}" : body, request);
    } catch (InvalidProtocolBufferException e) {
      WorkflowUiServer.sendJson(ex, 400, HttpStatuses.body("INVALID_ARGUMENT", "the body is not a "
          + request.getDescriptorForType().getName() + " in JSON: " + e.getMessage(), null));
      return Optional.empty();
    }
    return Optional.of(request);
  }
}

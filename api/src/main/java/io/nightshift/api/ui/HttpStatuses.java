package io.nightshift.api.ui;

import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.client.FieldViolations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the API's gRPC errors look over HTTP: the status code a browser understands, and a JSON body with the gRPC
 * code, the message and, for INVALID_ARGUMENT, the fields at fault, so the page can say what was wrong.
 */
final class HttpStatuses {
  private HttpStatuses() {}

  static int of(Status.Code code) {
    return switch (code) {
      case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      case UNIMPLEMENTED -> 501;
      default -> 500;
    };
  }

  /** The JSON error body for a failed API call. */
  static Map<String, Object> body(StatusRuntimeException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", e.getStatus().getCode().name());
    body.put("message", e.getStatus().getDescription() == null ? e.getStatus().getCode().name()
        : e.getStatus().getDescription());
    var fields = FieldViolations.of(e);
    if (!fields.isEmpty()) {
      body.put("fields", fields.stream()
          .map(v -> Map.of("field", v.getField(), "description", v.getDescription())).toList());
    }
    return body;
  }

  /** The error body for a request the UI itself refuses before calling the API. */
  static Map<String, Object> body(String code, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    if (field != null) {
      body.put("fields", List.of(Map.of("field", field, "description", message)));
    }
    return body;
  }

  static final JsonFormat.Printer PRINTER = JsonFormat.printer().includingDefaultValueFields().omittingInsignificantWhitespace();
}

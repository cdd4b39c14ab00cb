package io.nightshift.examples.drugdiscovery.docking.nim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What of a NIM's answer may appear in a task's errors and in a docked row's {@code dock_error}: the service's own
 * error message ({@code detail}, {@code details}, {@code message} or {@code error} of a JSON body, as FastAPI and
 * NIM write them), printable ASCII only and at most {@value #MAX_CHARS} characters; never the body itself. Task
 * errors travel further than the worker (the API, the UI, the task's history), and whatever answers at the NIM's
 * address (a proxy's error page, another service) decides what its body says.
 */
final class NimAnswerSummary {
  static final int MAX_CHARS = 160;
  private static final String[] MESSAGE_FIELDS = {"detail", "details", "message", "error"};

  private NimAnswerSummary() {}

  /** The error message of an answer's body, or what kind of body it was when it has none. */
  static String of(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try {
      JsonNode root = DiffDockResponses.JSON.readTree(body);
      for (String field : MESSAGE_FIELDS) {
        String message = message(root.path(field));
        if (!message.isEmpty()) {
          return message;
        }
      }
    } catch (JsonProcessingException notJson) {
      // described below by its size only
    }
    return "(a body of " + body.length() + " characters without a JSON error message, not shown)";
  }

  /** {@code text} as it may be shown: printable ASCII, whitespace collapsed, bounded. */
  static String text(String text) {
    String printable = (text == null ? "" : text).replaceAll("\\s+", " ").replaceAll("[^\\x20-\\x7e]", "?").strip();
    return printable.length() > MAX_CHARS ? printable.substring(0, MAX_CHARS) + "..." : printable;
  }

  /** A message field: text, or FastAPI's validation list ({@code [{"msg": ...}, ...]}), whose first msg it takes. */
  private static String message(JsonNode field) {
    if (field.isTextual()) {
      return text(field.asText());
    }
    if (field.isArray() && field.path(0).path("msg").isTextual()) {
      return text(field.path(0).path("msg").asText());
    }
    return "";
  }
}

package io.nightshift.tools.mcp;

import dev.langchain4j.service.tool.ToolExecutionResult;
import java.util.List;
import java.util.Map;

/**
 * A tool's answer as stored content. langchain4j-mcp prefers a result's {@code structuredContent} to its text; the
 * Python SDK wraps a tool's plain return value as {@code {"result": value}}, so that wrapper is taken off a scalar
 * (a tool that returns "42" yields the text 42), and any other structured answer is stored as JSON.
 */
record McpAnswer(String text, String mediaType) {
  static McpAnswer of(ToolExecutionResult result) {
    String text = result.resultText() == null ? "" : result.resultText();
    Object structured = result.result();
    if (structured instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("result")) {
      Object value = map.get("result");
      if (value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
        return new McpAnswer(String.valueOf(value), "text/plain");
      }
    }
    return new McpAnswer(text, structured instanceof Map<?, ?> || structured instanceof List<?>
        ? "application/json" : "text/plain");
  }
}

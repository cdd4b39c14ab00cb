package io.nightshift.models.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the {@link ScriptedOpenAiServer} answers to one request. Build with the static factories; the server turns
 * each into a real HTTP response in OpenAI's chat-completion format.
 */
public sealed interface ScriptedReply {

  /** Token usage to report; {@code null} fields of a reply mean "send no usage object". */
  record Usage(int promptTokens, int completionTokens) {}

  record ToolCall(String id, String name, String argumentsJson) {}

  record Text(String content, Usage usage) implements ScriptedReply {}

  record ToolCalls(List<ToolCall> calls, Usage usage) implements ScriptedReply {}

  record Error(int status, String body, Map<String, String> headers) implements ScriptedReply {}

  /** A 200 whose body is sent as is: use it for malformed or truncated JSON. */
  record Raw(int status, String body) implements ScriptedReply {}

  /** Closes the connection without answering, as a crashing server would. */
  record Drop() implements ScriptedReply {}

  record Delayed(Duration delay, ScriptedReply then) implements ScriptedReply {}

  static ScriptedReply text(String content) {
    return new Text(content, new Usage(10, 5));
  }

  static ScriptedReply text(String content, int promptTokens, int completionTokens) {
    return new Text(content, new Usage(promptTokens, completionTokens));
  }

  static ScriptedReply textWithoutUsage(String content) {
    return new Text(content, null);
  }

  static ScriptedReply toolCall(String name, String argumentsJson) {
    return new ToolCalls(List.of(new ToolCall("call_1", name, argumentsJson)), new Usage(20, 8));
  }

  static ScriptedReply toolCalls(List<ToolCall> calls, int promptTokens, int completionTokens) {
    return new ToolCalls(calls, new Usage(promptTokens, completionTokens));
  }

  static ScriptedReply status(int status, String message) {
    return new Error(status, errorBody(message), Map.of());
  }

  static ScriptedReply rateLimited(String retryAfter) {
    return new Error(429, errorBody("rate limit reached, slow down"), Map.of("Retry-After", retryAfter));
  }

  static ScriptedReply malformedJson() {
    return new Raw(200, "{\"id\":\"chatcmpl-broken\",\"choices\":[{\"message\":{\"content\":\"trunc");
  }

  static ScriptedReply dropConnection() {
    return new Drop();
  }

  static ScriptedReply slow(Duration delay, ScriptedReply then) {
    return new Delayed(delay, then);
  }

  private static String errorBody(String message) {
    return "{\"error\":{\"message\":\"" + message.replace("\"", "'") + "\",\"type\":\"scripted\"}}";
  }
}

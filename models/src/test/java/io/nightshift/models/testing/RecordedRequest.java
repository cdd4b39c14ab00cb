package io.nightshift.models.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A request the {@link ScriptedOpenAiServer} received, body parsed when it was JSON. */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body, JsonNode json) {

  public String model() {
    return json == null ? null : json.path("model").asText(null);
  }

  /** The content of the last message in the conversation sent, or "" if there is none. */
  public String lastMessageContent() {
    if (json == null || !json.path("messages").isArray() || json.path("messages").isEmpty()) {
      return "";
    }
    JsonNode messages = json.path("messages");
    return messages.get(messages.size() - 1).path("content").asText("");
  }

  public int messageCount() {
    return json == null ? 0 : json.path("messages").size();
  }

  public List<String> toolNames() {
    if (json == null || !json.path("tools").isArray()) {
      return List.of();
    }
    return StreamSupport.stream(json.path("tools").spliterator(), false)
        .map(tool -> tool.path("function").path("name").asText()).toList();
  }

  /** The {@code response_format} object sent, or a missing node. */
  public JsonNode responseFormat() {
    return json == null ? MissingNode.getInstance() : json.path("response_format");
  }
}

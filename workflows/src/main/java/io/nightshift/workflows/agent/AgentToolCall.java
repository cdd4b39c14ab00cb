package io.nightshift.workflows.agent;

import java.util.Objects;

/**
 * A tool call the model asked for.
 *
 * @param id            the model's call id; the tool result quotes it so the model can pair them
 * @param name          the registry's tool name (e.g. {@code table.describe}), not the wire name the model saw
 * @param argumentsJson the arguments as the model wrote them, a JSON object (may be malformed: the tool
 *                      activity reports that back to the model)
 */
public record AgentToolCall(String id, String name, String argumentsJson) {
  public AgentToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }
}

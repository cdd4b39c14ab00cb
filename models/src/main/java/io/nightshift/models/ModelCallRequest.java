package io.nightshift.models;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat call: the conversation so far, the tools the model may ask for (empty: none), and optionally a JSON schema
 * the answer must follow (servers such as llama.cpp and vLLM enforce it as a grammar).
 *
 * @param maxOutputTokens a cap on the answer, or null for the server's default
 * @param temperature null for the server's default; 0 for the most repeatable answers
 * @param requiredTool    the tool the model must call now (OpenAI's named {@code tool_choice}, which llama.cpp and
 *                        vLLM enforce as a grammar); empty to let the model choose between its tools and an answer
 */
public record ModelCallRequest(
    List<ChatMessage> messages,
    List<ToolSpecification> tools,
    JsonSchema responseSchema,
    Integer maxOutputTokens,
    Double temperature,
    Optional<String> requiredTool) {

  public ModelCallRequest {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
    requiredTool = requiredTool == null ? Optional.empty() : requiredTool;
    List<ToolSpecification> offered = tools;
    requiredTool.filter(name -> offered.stream().noneMatch(t -> t.name().equals(name))).ifPresent(name -> {
      throw new IllegalArgumentException("requiredTool '" + name + "' is not one of the tools offered");
    });
    if (maxOutputTokens != null && maxOutputTokens <= 0) {
      throw new IllegalArgumentException("maxOutputTokens must be greater than 0 but was " + maxOutputTokens);
    }
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2] but was " + temperature);
    }
  }

  public static ModelCallRequest of(List<ChatMessage> messages) {
    return new ModelCallRequest(messages, List.of(), null, null, null, Optional.empty());
  }

  public static ModelCallRequest of(ChatMessage... messages) {
    return of(List.of(messages));
  }

  public ModelCallRequest withTools(List<ToolSpecification> tools) {
    return new ModelCallRequest(messages, tools, responseSchema, maxOutputTokens, temperature, requiredTool);
  }

  public ModelCallRequest withResponseSchema(JsonSchema schema) {
    return new ModelCallRequest(messages, tools, schema, maxOutputTokens, temperature, requiredTool);
  }

  public ModelCallRequest withMaxOutputTokens(int max) {
    return new ModelCallRequest(messages, tools, responseSchema, max, temperature, requiredTool);
  }

  public ModelCallRequest withTemperature(double value) {
    return new ModelCallRequest(messages, tools, responseSchema, maxOutputTokens, value, requiredTool);
  }

  /** The same call, in which the model must call {@code tool}, one of the tools offered. */
  public ModelCallRequest withRequiredTool(String tool) {
    return new ModelCallRequest(messages, tools, responseSchema, maxOutputTokens, temperature, Optional.of(tool));
  }

  public Optional<JsonSchema> schema() {
    return Optional.ofNullable(responseSchema);
  }
}

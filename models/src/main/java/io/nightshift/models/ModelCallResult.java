package io.nightshift.models;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one model call produced.
 *
 * @param text the answer text; null when the model only asked for tools
 * @param toolCalls the tool calls the model asked for, in order (empty when it answered)
 * @param usage tokens as reported by the server
 * @param cost usage priced by the endpoint's price basis
 * @param finishReason LangChain4j's finish reason name (STOP, LENGTH, TOOL_EXECUTION, ...), or null if not given
 * @param aiMessage the raw message, to append to the conversation
 */
public record ModelCallResult(
    String endpointId,
    String modelName,
    String text,
    List<ToolExecutionRequest> toolCalls,
    TokenCounts usage,
    BigDecimal cost,
    String finishReason,
    Duration latency,
    AiMessage aiMessage) {

  public ModelCallResult {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public boolean wantsTools() {
    return !toolCalls.isEmpty();
  }

  public Optional<String> textIfAny() {
    return Optional.ofNullable(text);
  }
}

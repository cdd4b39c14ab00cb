package io.nightshift.runtime.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.context.PromptMeter;
import io.nightshift.workflows.agent.TranscriptMessage;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * An agent's messages as the request a model call sends, and that request's size on an endpoint: the model call and
 * the compaction measure what will really be sent (tool specifications included), with the one prompt meter the
 * runtime was given (a server's tokenizer where it has one, else the estimate).
 */
final class AgentPrompts {
  private final PromptMeter meter;

  AgentPrompts(PromptMeter meter) {
    this.meter = meter;
  }

  PromptMeter meter() {
    return meter;
  }

  static ModelCallRequest request(List<TranscriptMessage> messages, List<ToolSpecification> tools, int maxOutputTokens) {
    return ModelCallRequest.of(ChatMessages.of(messages)).withTools(tools).withMaxOutputTokens(maxOutputTokens);
  }

  /** The prompt tokens of a list of messages sent to {@code endpoint} with {@code tools}. */
  ToIntFunction<List<TranscriptMessage>> tokens(String endpoint, List<ToolSpecification> tools, int maxOutputTokens) {
    return messages -> meter.promptTokens(endpoint, request(messages, tools, maxOutputTokens));
  }
}

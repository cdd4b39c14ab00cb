package io.nightshift.models.context;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import io.nightshift.models.internal.ConversationForWire;
import java.util.List;

/**
 * A request's messages and tools as OpenAI's chat API carries them, for the servers that render them with the
 * model's chat template before counting (vLLM's {@code /tokenize}, llama.cpp's {@code /apply-template}). The same
 * conversion the chat call uses (LangChain4j's, marked internal there, after {@link ConversationForWire}), so what
 * is counted is what is sent.
 */
final class OpenAiWire {
  private OpenAiWire() {}

  static ArrayNode messages(List<ChatMessage> messages) {
    return ServerCalls.JSON.valueToTree(OpenAiUtils.toOpenAiMessages(ConversationForWire.of(messages)));
  }

  static ArrayNode tools(List<ToolSpecification> tools) {
    return ServerCalls.JSON.valueToTree(OpenAiUtils.toTools(tools, false));
  }
}

package io.nightshift.models.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * Adjusts a conversation for what local servers accept. An assistant turn that only asked for tools has no text;
 * LangChain4j then leaves out {@code content}, and llama-cpp-python's chat templates fail on that with a 500
 * ("'dict object' has no attribute 'content'"). An empty string means the same to every server we know of.
 */
public final class ConversationForWire {
  private ConversationForWire() {}

  public static List<ChatMessage> of(List<ChatMessage> messages) {
    return messages.stream().map(ConversationForWire::adjust).toList();
  }

  private static ChatMessage adjust(ChatMessage message) {
    if (message instanceof AiMessage ai && ai.text() == null && ai.hasToolExecutionRequests()) {
      return AiMessage.builder()
          .text("")
          .thinking(ai.thinking())
          .toolExecutionRequests(ai.toolExecutionRequests())
          .attributes(ai.attributes())
          .build();
    }
    return message;
  }
}

package io.nightshift.runtime.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.TranscriptMessage;
import java.util.ArrayList;
import java.util.List;

/** Nightshift's neutral transcript messages to LangChain4j's, with tool names in their wire form. */
final class ChatMessages {
  private ChatMessages() {}

  static List<ChatMessage> of(List<TranscriptMessage> transcript) {
    List<ChatMessage> out = new ArrayList<>(transcript.size());
    for (TranscriptMessage m : transcript) {
      out.add(switch (m.role()) {
        case SYSTEM -> SystemMessage.from(m.text());
        case USER -> UserMessage.from(m.text());
        case TOOL -> ToolExecutionResultMessage.from(m.toolCallId(), ToolBridge.wireName(m.toolName()), m.text());
        case ASSISTANT -> assistant(m);
      });
    }
    return out;
  }

  private static AiMessage assistant(TranscriptMessage m) {
    if (m.toolCalls().isEmpty()) {
      return AiMessage.from(m.text() == null ? "" : m.text());
    }
    List<ToolExecutionRequest> requests = new ArrayList<>();
    for (AgentToolCall call : m.toolCalls()) {
      requests.add(ToolExecutionRequest.builder().id(call.id()).name(ToolBridge.wireName(call.name()))
          .arguments(call.argumentsJson()).build());
    }
    return m.text() == null || m.text().isBlank() ? AiMessage.from(requests) : AiMessage.from(m.text(), requests);
  }
}

package io.nightshift.models.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.util.List;

/**
 * Cleans up an answer as LangChain4j parsed it. llama-cpp-python sends each tool call twice: in {@code tool_calls}
 * and again in the legacy {@code function_call} (with a stray ':' after the name), and LangChain4j turns both into
 * tool requests. The legacy copy has no id, so sending the conversation back would fail validation; when any request
 * has an id, the id-less ones are such copies and are dropped.
 */
public final class AnswerFromWire {
  private AnswerFromWire() {}

  public static AiMessage of(AiMessage answer) {
    List<ToolExecutionRequest> requests = answer.toolExecutionRequests();
    if (requests.size() < 2 || requests.stream().allMatch(r -> r.id() != null)
        || requests.stream().noneMatch(r -> r.id() != null)) {
      return answer;
    }
    return AiMessage.builder()
        .text(answer.text())
        .thinking(answer.thinking())
        .toolExecutionRequests(requests.stream().filter(r -> r.id() != null).toList())
        .attributes(answer.attributes())
        .build();
  }
}

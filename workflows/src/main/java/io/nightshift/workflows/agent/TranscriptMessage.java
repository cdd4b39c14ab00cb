package io.nightshift.workflows.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One message of an agent's conversation, in Nightshift's own neutral form (not LangChain4j's), so the engine,
 * the activities and the UI read the same transcript whatever client library talks to the model.
 *
 * @param role       who speaks
 * @param text       the content; null for an assistant turn that only called tools
 * @param toolCalls  for assistant messages: the tools it asked for (empty otherwise)
 * @param toolCallId for tool results: the call answered
 * @param toolName   for tool results: the registry name of the tool
 * @param compaction set on a compaction event only: a user message whose text is the summary that stands in for the
 *                   turns it names (left out of the JSON otherwise, so transcripts read as they did before)
 */
public record TranscriptMessage(Role role, String text, List<AgentToolCall> toolCalls, String toolCallId,
    String toolName, @JsonInclude(JsonInclude.Include.NON_NULL) Compaction compaction) {
  public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

  public TranscriptMessage {
    Objects.requireNonNull(role, "role");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    if (role == Role.TOOL && (toolCallId == null || toolName == null)) {
      throw new IllegalArgumentException("a tool result needs the call id and tool name it answers");
    }
  }

  public TranscriptMessage(Role role, String text, List<AgentToolCall> toolCalls, String toolCallId, String toolName) {
    this(role, text, toolCalls, toolCallId, toolName, null);
  }

  /** The same message with another text (say with its artifact references expanded); a compaction stays one. */
  public TranscriptMessage withText(String other) {
    return new TranscriptMessage(role, other, toolCalls, toolCallId, toolName, compaction);
  }

  public boolean hasCompaction() {
    return compaction != null;
  }

  /**
   * A compaction event: the model sees {@code summary} (as a user message) in place of the turns it covers.
   */
  public static TranscriptMessage compaction(String summary, Compaction event) {
    Objects.requireNonNull(event, "event");
    return new TranscriptMessage(Role.USER, Compaction.SUMMARY_HEADING + summary, List.of(), null, null, event);
  }

  public static TranscriptMessage system(String text) {
    return new TranscriptMessage(Role.SYSTEM, text, List.of(), null, null);
  }

  public static TranscriptMessage user(String text) {
    return new TranscriptMessage(Role.USER, text, List.of(), null, null);
  }

  public static TranscriptMessage assistant(String text, List<AgentToolCall> toolCalls) {
    return new TranscriptMessage(Role.ASSISTANT, text, toolCalls, null, null);
  }

  public static TranscriptMessage toolResult(AgentToolCall call, String text) {
    return new TranscriptMessage(Role.TOOL, text, List.of(), call.id(), call.name());
  }
}

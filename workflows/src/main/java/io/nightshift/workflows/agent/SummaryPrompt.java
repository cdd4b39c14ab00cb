package io.nightshift.workflows.agent;

import java.util.List;

/**
 * The request that asks a model to summarise turns for a compaction: what to keep (facts, decisions, open questions,
 * tool results that matter), and the turns as plain text. Long messages can be cut to a bound so the request itself
 * fits the summarising endpoint's window.
 */
public final class SummaryPrompt {
  static final String INSTRUCTIONS = "You compact the conversation of a long-running agent so it fits the model's "
      + "context window. Write a summary that replaces the turns below for the agent that goes on working. Keep every "
      + "fact it learned, every decision it made and why, the questions still open, and the tool results that matter "
      + "(names, numbers, identifiers, artifact references such as artifact:sha256:..., verbatim). Leave out "
      + "pleasantries and repetition. Write in short sentences or bullet points, in the agent's own language.";

  private SummaryPrompt() {}

  /**
   * @param maxCharsPerMessage longer messages are cut to this many characters (head and tail kept)
   */
  public static List<TranscriptMessage> of(List<TranscriptMessage> toSummarise, int maxCharsPerMessage) {
    StringBuilder text = new StringBuilder("Summarise these turns of the conversation:\n");
    for (TranscriptMessage m : toSummarise) {
      text.append('\n').append(label(m)).append(": ");
      if (m.text() != null && !m.text().isBlank()) {
        text.append(cut(m.text(), maxCharsPerMessage));
      }
      for (AgentToolCall call : m.toolCalls()) {
        text.append("\n  calls ").append(call.name()).append(' ').append(cut(call.argumentsJson(), maxCharsPerMessage));
      }
    }
    return List.of(TranscriptMessage.system(INSTRUCTIONS), TranscriptMessage.user(text.toString()));
  }

  private static String label(TranscriptMessage m) {
    if (m.hasCompaction()) {
      return "earlier summary";
    }
    return switch (m.role()) {
      case SYSTEM -> "system";
      case USER -> "user";
      case ASSISTANT -> "agent";
      case TOOL -> "result of " + m.toolName();
    };
  }

  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int half = Math.max(1, max / 2);
    return text.substring(0, half) + " [... " + (text.length() - 2 * half) + " characters cut ...] "
        + text.substring(text.length() - half);
  }
}

package io.nightshift.workflows.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bounds what one model answer may take in the view: an assistant message whose text or tool-call arguments run
 * past the bound is shown cut, with a marker; the transcript keeps it whole. Without this, an answer that ran to
 * the end of the window (llama-cpp-python writes function arguments without {@code max_tokens}: 1,858-4,874
 * characters on a 2,048-token window in the long-agent bench) is kept verbatim as the last turn, leaves no room, and
 * the next compaction fails. Pure: used by the model and compaction activities alike, so both measure the same view.
 */
public final class AnswerCut {
  /**
   * Characters per token assumed when turning the bound into characters: low (English runs ~4, JSON and code ~3),
   * so a cut answer stays within its token bound.
   */
  static final int CHARS_PER_TOKEN = 3;
  /** The least bound, in tokens, so a small {@code reserve_tokens} does not cut ordinary answers. */
  static final int MIN_TOKENS = 256;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerCut() {}

  /**
   * The most characters one answer's text, or one tool call's arguments, may show: twice the room kept for the
   * answer (an answer the server held to {@code max_tokens} is never cut, only one that ran away) but at least
   * {@value #MIN_TOKENS} tokens, and never over a quarter of the window (the share a summary gets), so the kept
   * turns always leave room on a small window whatever {@code reserve_tokens} says.
   */
  public static int boundChars(int reserveTokens, int window) {
    long tokens = Math.max(2L * reserveTokens, MIN_TOKENS);
    tokens = Math.min(tokens, Math.max(window / 4, 1));
    return (int) Math.min(Integer.MAX_VALUE, tokens * CHARS_PER_TOKEN);
  }

  /** The transcript with every oversized assistant message cut; every other message, and the list's order, as is. */
  public static List<TranscriptMessage> apply(List<TranscriptMessage> transcript, int maxChars) {
    List<TranscriptMessage> out = new ArrayList<>(transcript.size());
    for (TranscriptMessage m : transcript) {
      out.add(m.role() == TranscriptMessage.Role.ASSISTANT ? cut(m, maxChars) : m);
    }
    return out;
  }

  static String marker(int length) {
    return "[... answer cut: " + length + " characters; the full answer is in the transcript]";
  }

  private static TranscriptMessage cut(TranscriptMessage m, int maxChars) {
    String text = m.text() != null && m.text().length() > maxChars
        ? m.text().substring(0, maxChars) + " " + marker(m.text().length())
        : m.text();
    List<AgentToolCall> calls = new ArrayList<>();
    boolean changed = !Objects.equals(text, m.text());
    for (AgentToolCall c : m.toolCalls()) {
      if (c.argumentsJson().length() > maxChars) {
        calls.add(new AgentToolCall(c.id(), c.name(), cutArguments(c.argumentsJson(), maxChars)));
        changed = true;
      } else {
        calls.add(c);
      }
    }
    return changed ? new TranscriptMessage(m.role(), text, calls, m.toolCallId(), m.toolName(), m.compaction(),
        m.call()) : m;
  }

  /**
   * Cut arguments as a JSON object, not a cut string: servers that render tool calls through a chat template parse
   * the arguments as JSON (vLLM, llama.cpp), and a half-written object would be refused.
   */
  private static String cutArguments(String arguments, int maxChars) {
    ObjectNode shown = JSON.createObjectNode();
    shown.put("cut_arguments", arguments.substring(0, maxChars) + " " + marker(arguments.length()));
    return shown.toString();
  }
}

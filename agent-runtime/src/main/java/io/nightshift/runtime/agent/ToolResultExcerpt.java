package io.nightshift.runtime.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.tools.artifact.ArtifactSlices;
import io.nightshift.tools.artifact.ReadRange;
import io.nightshift.tools.artifact.TextSlice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What an agent's model is shown of a tool's text output, within a budget of bytes per tool result: the whole
 * output when it fits, else its head and its tail (for logs and tables both ends matter: the columns and the last
 * error) around a note that says how many bytes were left out and how to read them with {@code artifact.read}.
 * The output itself is already in the artifact store, so nothing is lost; the transcript, and every later prompt,
 * carries only this excerpt.
 */
final class ToolResultExcerpt {
  /**
   * The budget when none is given: 2,048 bytes, about 500-700 tokens of English or logs, a quarter to a third of a
   * 2k-token window and little of a larger one; a model that needs more reads on with {@code artifact.read}.
   */
  static final int DEFAULT_BUDGET_BYTES = 2_048;
  /** Below this an excerpt shows too little of either end to be worth reading. */
  static final int MIN_BUDGET_BYTES = 256;
  /** A summary is one short line; longer ones are cut (the output, not the summary, holds the content). */
  static final int SUMMARY_CHARS = 300;

  private final ArtifactStore artifacts;
  private final int budgetBytes;

  ToolResultExcerpt(ArtifactStore artifacts, int budgetBytes) {
    if (budgetBytes < MIN_BUDGET_BYTES) {
      throw new IllegalArgumentException("the tool result budget must be at least " + MIN_BUDGET_BYTES
          + " bytes, was " + budgetBytes);
    }
    this.artifacts = artifacts;
    this.budgetBytes = budgetBytes;
  }

  /**
   * The lines that follow {@code output: artifact:...} in a tool result: nothing for an output that is not text,
   * {@code content:} and the whole text when it fits the budget, else the head, the note and the tail.
   */
  String of(ArtifactRef output) throws IOException {
    if (!ArtifactSlices.isText(output.mediaType())) {
      return "";
    }
    if (output.size() <= budgetBytes) {
      return "\ncontent:\n" + ArtifactSlices.read(artifacts, output, 0, budgetBytes).text();
    }
    Cut cut = cut(output);
    if (cut.omitted() == 0) { // only just over the budget, and the cuts met at one character
      return "\ncontent:\n" + cut.head().text() + cut.tail().text();
    }
    return "\ncontent (" + output.size() + " bytes of " + output.mediaType() + "; the first " + cut.head().end()
        + " and the last " + (output.size() - cut.tail().start()) + " bytes shown):\n" + cut.text();
  }

  /**
   * A message (a tool's error) within the budget: itself when it fits, else stored as a text artifact and shown
   * as its head, the note and its tail, so a tool that fails with a megabyte of traceback does not fill the window.
   */
  String ofMessage(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= budgetBytes) {
      return message;
    }
    ArtifactRef stored = artifacts.put(bytes, "text/plain");
    Cut cut = cut(stored);
    return cut.omitted() == 0 ? message : cut.text();
  }

  /**
   * A tool's summary, meant as one short line, cut at {@value #SUMMARY_CHARS} characters: a third-party tool could
   * put its whole output there, and the summary is shown whole.
   */
  static String summary(String summary) {
    return cut(summary.strip(), SUMMARY_CHARS, "summary");
  }

  /**
   * The message of a transient failure, which Temporal records and the model may read once retries run out, cut
   * to the budget; not stored, since a failing store may be why it failed.
   */
  String failure(String message) {
    return cut(String.valueOf(message), budgetBytes, "message");
  }

  private static String cut(String text, int maxChars, String what) {
    if (text.length() <= maxChars) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, cut) + " [... " + what + " cut at " + cut + " of " + text.length() + " characters]";
  }

  private Cut cut(ArtifactRef text) throws IOException {
    int headBytes = budgetBytes / 2;
    TextSlice head = ArtifactSlices.read(artifacts, text, 0, headBytes);
    // the tail starts at a character's first byte at or after the head's end, so the two never overlap
    long tailFrom = Math.max(head.end(), text.size() - (budgetBytes - headBytes));
    TextSlice tail = ArtifactSlices.read(artifacts, text, tailFrom, (int) (text.size() - tailFrom));
    return new Cut(text, head, tail, budgetBytes);
  }

  /** The two ends of a text too large for the budget, and the note between them. */
  private record Cut(ArtifactRef whole, TextSlice head, TextSlice tail, int budgetBytes) {
    long omitted() {
      return tail.start() - head.end();
    }

    String text() {
      return head.text() + "\n" + note() + "\n" + tail.text();
    }

    private String note() {
      long from = head.end();
      long suggested = Math.min(omitted(), Math.min(budgetBytes, ReadRange.MAX_LENGTH));
      return "[... " + omitted() + " bytes omitted (bytes " + from + "-" + (from + omitted() - 1) + " of "
          + whole.size() + "): read them with artifact.read {\"uri\": \"" + whole.uri() + "\", \"offset\": " + from
          + ", \"length\": " + suggested + "}, then on from the offset its answer gives; at most "
          + ReadRange.MAX_LENGTH + " bytes a call]";
    }
  }
}

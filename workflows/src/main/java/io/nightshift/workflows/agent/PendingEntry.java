package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;
import java.util.Optional;

/**
 * Something to append to the transcript before the next model call: either a delta a tool activity already
 * stored (by reference), or a small message the workflow made itself (the task, steering guidance, a refused or
 * failed tool call). Exactly one of the two is set. The workflow cannot write artifacts (no I/O in workflow
 * code), so its own messages travel inline and the model activity stores them.
 *
 * <p>A tool's result may carry the tool its code wants the model to call next ({@code nextTool}; empty, null in
 * JSON, for every other entry and in histories recorded before): it travels with the entry, so it survives a
 * continue-as-new between the tool call and the model call it is for.
 *
 * <p>A stored tool result may carry a {@code note} the workflow adds to it (the loop guard's; empty, null in JSON,
 * otherwise and in histories recorded before): the model activity appends it to the result's text when it adds the
 * delta to the transcript, so the model and the conversation view read it as part of that tool result.
 */
public record PendingEntry(ArtifactRef delta, TranscriptMessage message, Optional<String> nextTool,
    Optional<String> note) {
  /** Tool notes made by the workflow are cut to this many characters, so an error text cannot bloat history. */
  public static final int MAX_NOTE_CHARS = 2_000;

  public PendingEntry {
    if ((delta == null) == (message == null)) {
      throw new IllegalArgumentException("a pending entry is either a stored delta or an inline message");
    }
    nextTool = nextTool == null ? Optional.empty() : nextTool;
    note = note == null ? Optional.empty() : note;
    if (note.isPresent() && message != null) {
      throw new IllegalArgumentException("an inline message carries its note in its text");
    }
  }

  public PendingEntry(ArtifactRef delta, TranscriptMessage message) {
    this(delta, message, Optional.empty(), Optional.empty());
  }

  /**
   * This entry with {@code text} added to the end of its tool result: in an inline message's text at once, for a
   * stored delta when the model activity appends it ({@link Transcripts#append}).
   */
  public PendingEntry withNote(String text) {
    if (message != null) {
      return message(message.withText(withNote(message.text(), text)));
    }
    return new PendingEntry(delta, null, nextTool, Optional.of(note.map(n -> withNote(n, text)).orElse(text)));
  }

  /** A tool result's text followed by a note, on a paragraph of its own. */
  public static String withNote(String text, String note) {
    return (text == null || text.isEmpty() ? "" : text + "\n\n") + note;
  }

  public static PendingEntry delta(ArtifactRef ref) {
    return new PendingEntry(ref, null);
  }

  /** A stored tool result whose tool asked for {@code nextTool} to be called next (empty: it asked for nothing). */
  public static PendingEntry delta(ArtifactRef ref, Optional<String> nextTool) {
    return new PendingEntry(ref, null, nextTool, Optional.empty());
  }

  public static PendingEntry message(TranscriptMessage message) {
    return new PendingEntry(null, message);
  }

  /**
   * The tool the next model call must call: the last one a pending tool result asked for, if the call offers it
   * ({@code offered}: none on the final turn, and only the step's allowed tools otherwise); else none.
   */
  public static Optional<String> requiredTool(List<PendingEntry> pending, List<String> offered) {
    Optional<String> asked = Optional.empty();
    for (PendingEntry entry : pending) {
      asked = entry.nextTool().isPresent() ? entry.nextTool() : asked;
    }
    return asked.filter(offered::contains);
  }

  /** A tool result the workflow writes itself (a refusal, a failure after retries), cut to a bounded size. */
  public static PendingEntry toolNote(AgentToolCall call, String text) {
    String cut = text.length() > MAX_NOTE_CHARS ? text.substring(0, MAX_NOTE_CHARS) + " [cut]" : text;
    return message(TranscriptMessage.toolResult(call, cut));
  }
}

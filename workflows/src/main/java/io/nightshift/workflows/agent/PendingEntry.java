package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;

/**
 * Something to append to the transcript before the next model call: either a delta a tool activity already
 * stored (by reference), or a small message the workflow made itself (the task, steering guidance, a refused or
 * failed tool call). Exactly one of the two is set. The workflow cannot write artifacts (no I/O in workflow
 * code), so its own messages travel inline and the model activity stores them.
 */
public record PendingEntry(ArtifactRef delta, TranscriptMessage message) {
  /** Tool notes made by the workflow are cut to this many characters, so an error text cannot bloat history. */
  public static final int MAX_NOTE_CHARS = 2_000;

  public PendingEntry {
    if ((delta == null) == (message == null)) {
      throw new IllegalArgumentException("a pending entry is either a stored delta or an inline message");
    }
  }

  public static PendingEntry delta(ArtifactRef ref) {
    return new PendingEntry(ref, null);
  }

  public static PendingEntry message(TranscriptMessage message) {
    return new PendingEntry(null, message);
  }

  /** A tool result the workflow writes itself (a refusal, a failure after retries), cut to a bounded size. */
  public static PendingEntry toolNote(AgentToolCall call, String text) {
    String cut = text.length() > MAX_NOTE_CHARS ? text.substring(0, MAX_NOTE_CHARS) + " [cut]" : text;
    return message(TranscriptMessage.toolResult(call, cut));
  }
}

package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Objects;

/**
 * A compaction event in a transcript: older turns were summarised so the conversation fits the model's context
 * window again. Nothing is lost: both the summary and the turns it replaces are artifacts a person can read.
 *
 * @param summary      the summary (text/plain)
 * @param replaced     the messages the summary stands in for, as a transcript delta (the earlier summary, if any,
 *                     first), see {@link Transcripts#delta}
 * @param upTo         the messages of the transcript before this index, pinned ones apart, are covered by the summary
 * @param turns        the turns summarised
 * @param promptTokens the prompt's size that did not fit, in tokens
 * @param window       the context window it did not fit, in tokens
 */
public record Compaction(ArtifactRef summary, ArtifactRef replaced, int upTo, int turns, int promptTokens,
    int window) {
  /** What the model reads before the summary's text. */
  public static final String SUMMARY_HEADING = "Summary of the earlier conversation (older turns were compacted "
      + "to fit the context window; the facts below stand for them):\n";

  public Compaction {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(replaced, "replaced");
    if (upTo < 0 || turns < 1) {
      throw new IllegalArgumentException("a compaction covers at least one turn, was upTo=" + upTo + " turns=" + turns);
    }
  }
}

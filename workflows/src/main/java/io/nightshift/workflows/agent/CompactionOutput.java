package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a compaction did, by reference.
 *
 * @param transcript    the new transcript index, ending with the compaction event
 * @param summary       the summary (text/plain)
 * @param replaced      the messages it stands in for (a transcript delta)
 * @param turns         turns summarised
 * @param inputTokens   the summary call's prompt tokens, as the endpoint reported
 * @param outputTokens  the summary's tokens, as the endpoint reported
 * @param usageReported false when the endpoint sent no usage
 * @param cost          the summary call's price
 */
public record CompactionOutput(ArtifactRef transcript, ArtifactRef summary, ArtifactRef replaced, int turns,
    long inputTokens, long outputTokens, boolean usageReported, BigDecimal cost) {
  public CompactionOutput {
    Objects.requireNonNull(transcript, "transcript");
    cost = cost == null ? BigDecimal.ZERO : cost;
  }
}

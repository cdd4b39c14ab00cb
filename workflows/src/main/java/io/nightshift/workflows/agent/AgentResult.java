package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;

/**
 * How an agent ended. Small by design: the answer and the conversation are artifact references.
 *
 * @param reason     why it stopped
 * @param answer     the final answer (text/plain) when {@code reason} is ANSWERED, else null
 * @param transcript the conversation's index artifact (see {@link Transcripts})
 * @param turns      model calls made
 * @param toolCalls  tool calls run (refused ones not counted)
 * @param budget     the ledger at the end
 * @param detail     one line for humans: what limit was hit, or the answer's first words
 * @param unsent     tool results of the last turn not yet shown to the model (to resume with)
 * @param servedBy   the endpoint that served the last model call (where its KV cache is); null before any call
 */
public record AgentResult(StopReason reason, ArtifactRef answer, ArtifactRef transcript, int turns, int toolCalls,
    BudgetStatus budget, String detail, List<PendingEntry> unsent, String servedBy) {
  public AgentResult {
    unsent = unsent == null ? List.of() : List.copyOf(unsent);
  }

  public AgentResult(StopReason reason, ArtifactRef answer, ArtifactRef transcript, int turns, int toolCalls,
      BudgetStatus budget, String detail, List<PendingEntry> unsent) {
    this(reason, answer, transcript, turns, toolCalls, budget, detail, unsent, null);
  }
}

package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;

/**
 * Where an agent's conversation stands when it ends: what a resumption goes on from.
 *
 * @param transcript the conversation's index artifact (see {@link Transcripts}); null before the first model call
 * @param unsent     tool results of the last turn not yet shown to the model (to resume with)
 * @param servedBy   the endpoint that served the last model call (where its KV cache is); null before any call
 */
public record ConversationState(ArtifactRef transcript, List<PendingEntry> unsent, String servedBy) {
  public ConversationState {
    unsent = unsent == null ? List.of() : List.copyOf(unsent);
  }
}

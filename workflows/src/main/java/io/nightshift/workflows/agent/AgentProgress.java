package io.nightshift.workflows.agent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.payload.UnwrappedRecords;
import java.util.List;
import java.util.Objects;

/**
 * The answer to the progress query. In JSON {@code usage}'s fields stand beside the others, as they did before
 * AgentProgress had parts, so an API and a worker of either shape understand each other ({@link UnwrappedRecords}).
 *
 * @param agentId         the agent (null before it started)
 * @param phase           what the agent is doing now
 * @param stopReason      set once ended
 * @param usage           model calls completed, tool calls run, the ledger (null before the agent started)
 * @param lastTools       tools asked for in the latest turn
 * @param pendingGuidance steering messages the next model call will see
 * @param transcript      the latest transcript index (null before the first model call)
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record AgentProgress(String agentId, Phase phase, StopReason stopReason, @JsonUnwrapped AgentUsage usage,
    List<String> lastTools, int pendingGuidance, ArtifactRef transcript) {
  public enum Phase { THINKING, CALLING_TOOLS, ENDED }

  public AgentProgress {
    Objects.requireNonNull(usage, "usage");
    lastTools = List.copyOf(lastTools);
  }
}

package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;

/**
 * The answer to the progress query.
 *
 * @param phase           what the agent is doing now
 * @param turns           model calls completed
 * @param toolCalls       tool calls run
 * @param lastTools       tools asked for in the latest turn
 * @param pendingGuidance steering messages the next model call will see
 * @param transcript      the latest transcript index (null before the first model call)
 * @param stopReason      set once ended
 */
public record AgentProgress(String agentId, Phase phase, int turns, int toolCalls, List<String> lastTools,
    int pendingGuidance, BudgetStatus budget, ArtifactRef transcript, StopReason stopReason) {
  public enum Phase { THINKING, CALLING_TOOLS, ENDED }

  public AgentProgress {
    lastTools = List.copyOf(lastTools);
  }
}

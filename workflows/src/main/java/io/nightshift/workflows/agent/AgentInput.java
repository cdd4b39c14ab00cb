package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;
import java.util.Objects;

/**
 * What starts an agent.
 *
 * @param agentId        stable id (e.g. {@code taskId/stepName}); keys idempotent tool calls and ledger entries
 * @param endpoint       the model endpoint id (models' ModelEndpointRegistry)
 * @param instructions   the system prompt
 * @param task           the user's request
 * @param tools          the allow-list: registry tool names this agent may call; others are refused to the model
 * @param limits         turn and output limits
 * @param budget         tokens, cost and wall-clock
 * @param activityQueue  task queue of the model and tool activities; null runs them on the workflow's own queue
 * @param resume         to continue an agent that stopped (say on its budget) from its transcript; null to start
 */
public record AgentInput(String agentId, String endpoint, String instructions, String task, List<String> tools,
    AgentLimits limits, AgentBudget budget, String activityQueue, Resume resume) {

  /**
   * Where an earlier run stopped: its transcript and the messages it had not yet sent (tool results of its last
   * turn), from {@link AgentResult#transcript()} and {@link AgentResult#unsent()}.
   */
  public record Resume(ArtifactRef transcript, List<PendingEntry> unsent) {
    public Resume {
      Objects.requireNonNull(transcript, "transcript");
      unsent = unsent == null ? List.of() : List.copyOf(unsent);
    }
  }

  public AgentInput {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(budget, "budget");
    tools = tools == null ? List.of() : List.copyOf(tools);
    instructions = instructions == null ? "" : instructions;
    task = task == null ? "" : task;
  }

  public static AgentInput of(String agentId, String endpoint, String instructions, String task, List<String> tools,
      AgentLimits limits, AgentBudget budget) {
    return new AgentInput(agentId, endpoint, instructions, task, tools, limits, budget, null, null);
  }

  public AgentInput resumedFrom(AgentResult stopped, AgentBudget raised) {
    return new AgentInput(agentId, endpoint, instructions, task, tools, limits, raised, activityQueue,
        new Resume(stopped.transcript(), stopped.unsent()));
  }
}

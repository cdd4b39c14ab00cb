package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.math.BigDecimal;
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
 * @param resume         to continue an agent that stopped (on its budget) or continued as new; null to start
 */
public record AgentInput(String agentId, String endpoint, String instructions, String task, List<String> tools,
    AgentLimits limits, AgentBudget budget, String activityQueue, Resume resume) {

  /**
   * Where an earlier run stopped, to go on from there: its transcript, the messages it had not yet sent (tool
   * results of its last turn, guidance), and what it had used. Made by {@link #resumedFrom} after a stop and by the
   * workflow itself when it continues as new.
   *
   * @param startedAtMillis workflow time the agent started, for the wall-clock budget; 0 = count from now
   */
  public record Resume(ArtifactRef transcript, List<PendingEntry> unsent, int turns, int toolCalls,
      long tokensSpent, BigDecimal costSpent, int unreportedCalls, long startedAtMillis) {
    public Resume {
      Objects.requireNonNull(transcript, "transcript");
      unsent = unsent == null ? List.of() : List.copyOf(unsent);
      costSpent = costSpent == null ? BigDecimal.ZERO : costSpent;
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

  /**
   * Goes on from a stopped agent (say after BUDGET_EXHAUSTED and an approval) with a new budget. Turns and spending
   * carry over, so {@code raised} is the agent's total budget, not an extra one; the wall clock starts afresh.
   */
  public AgentInput resumedFrom(AgentResult stopped, AgentBudget raised) {
    BudgetStatus spent = stopped.budget();
    return new AgentInput(agentId, endpoint, instructions, task, tools, limits, raised, activityQueue,
        new Resume(stopped.transcript(), stopped.unsent(), stopped.turns(), stopped.toolCalls(), spent.tokensSpent(),
            spent.costSpent(), spent.unreportedCalls(), 0));
  }

  public AgentInput withResume(Resume resume) {
    return new AgentInput(agentId, endpoint, instructions, task, tools, limits, budget, activityQueue, resume);
  }
}

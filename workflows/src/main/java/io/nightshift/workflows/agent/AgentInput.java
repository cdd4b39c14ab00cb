package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * @param endpoints      every endpoint that may serve this agent's calls, in order of preference, {@code endpoint}
 *                       among them (they serve the same model); calls stick to the one that served the last call
 *                       and move down this list only when its circuit breaker is open. Empty: {@code endpoint} only
 */
public record AgentInput(String agentId, String endpoint, String instructions, String task, List<String> tools,
    AgentLimits limits, AgentBudget budget, String activityQueue, Resume resume, List<String> endpoints) {

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
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    instructions = instructions == null ? "" : instructions;
    task = task == null ? "" : task;
  }

  public AgentInput(String agentId, String endpoint, String instructions, String task, List<String> tools,
      AgentLimits limits, AgentBudget budget, String activityQueue, Resume resume) {
    this(agentId, endpoint, instructions, task, tools, limits, budget, activityQueue, resume, List.of());
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
    // the endpoint that served last holds the conversation's KV cache: go on there
    String sticky = stopped.servedBy() != null ? stopped.servedBy() : endpoint;
    return new AgentInput(agentId, sticky, instructions, task, tools, limits, raised, activityQueue,
        new Resume(stopped.transcript(), stopped.unsent(), stopped.turns(), stopped.toolCalls(), spent.tokensSpent(),
            spent.costSpent(), spent.unreportedCalls(), 0), endpoints);
  }

  public AgentInput withResume(Resume resume) {
    return new AgentInput(agentId, endpoint, instructions, task, tools, limits, budget, activityQueue, resume,
        endpoints);
  }

  /**
   * The same agent calling only {@code endpointId}, a server a pool started for it on a lease, with its model and
   * tool calls on {@code queue} (the pool's, where that endpoint is registered).
   */
  public AgentInput onServer(String endpointId, String queue) {
    return new AgentInput(agentId, endpointId, instructions, task, tools, limits, budget, queue, resume,
        List.of(endpointId));
  }

  /** The same agent with calls going first to {@code sticky} (one of {@link #endpoints()}). */
  public AgentInput withEndpoint(String sticky) {
    return new AgentInput(agentId, sticky, instructions, task, tools, limits, budget, activityQueue, resume,
        endpoints);
  }

  /**
   * Where to send a call when {@code preferred} refuses it with an open circuit: the other endpoints, in order.
   */
  public List<String> fallbacksFor(String preferred) {
    List<String> out = new ArrayList<>();
    if (!preferred.equals(endpoint)) {
      out.add(endpoint);
    }
    endpoints.stream().filter(e -> !e.equals(preferred) && !out.contains(e)).forEach(out::add);
    return List.copyOf(out);
  }
}

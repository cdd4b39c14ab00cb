package io.nightshift.workflows.agent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.workflows.payload.UnwrappedRecords;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What starts an agent. In JSON the parts' fields stand side by side, as they did before AgentInput had parts, so
 * recorded histories read as they are ({@link UnwrappedRecords}).
 *
 * @param agentId stable id (e.g. {@code taskId/stepName}); keys idempotent tool calls and ledger entries
 * @param brief   the system prompt, the user's request and the tools it may call
 * @param routing the endpoints its model calls go to and the queue of its activities
 * @param limits  turn and output limits
 * @param budget  tokens, cost and wall-clock
 * @param context how the conversation is kept inside the model's context window (null in JSON recorded before it
 *                existed: the defaults)
 * @param resume  to continue an agent that stopped (on its budget) or continued as new; empty to start (null in
 *                JSON)
 * @param loopGuard when the agent counts as stuck on a tool (null in JSON recorded before it existed: the defaults;
 *                  agents recorded before it run without it, see {@link AgentWorkflowImpl#LOOP_GUARD})
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record AgentInput(String agentId, @JsonUnwrapped AgentBrief brief, @JsonUnwrapped AgentRouting routing,
    AgentLimits limits, AgentBudget budget, ContextSettings context, Optional<Resume> resume,
    LoopGuardSettings loopGuard) {

  /**
   * Where an earlier run stopped, to go on from there: its transcript, the messages it had not yet sent (tool
   * results of its last turn, guidance), and what it had used. Made by {@link #resumedFrom} after a stop and by the
   * workflow itself when it continues as new.
   *
   * @param startedAtMillis workflow time the agent started, for the wall-clock budget; 0 = count from now
   * @param compactions     compactions of the conversation so far (0 in JSON recorded before they existed)
   * @param loopGuard       what the loop guard had counted (null in JSON recorded before it existed: nothing)
   */
  public record Resume(ArtifactRef transcript, List<PendingEntry> unsent, int turns, int toolCalls,
      long tokensSpent, BigDecimal costSpent, int unreportedCalls, long startedAtMillis, int compactions,
      LoopGuardState loopGuard) {
    public Resume {
      Objects.requireNonNull(transcript, "transcript");
      unsent = unsent == null ? List.of() : List.copyOf(unsent);
      costSpent = costSpent == null ? BigDecimal.ZERO : costSpent;
      loopGuard = loopGuard == null ? LoopGuardState.EMPTY : loopGuard;
    }

    public Resume(ArtifactRef transcript, List<PendingEntry> unsent, int turns, int toolCalls, long tokensSpent,
        BigDecimal costSpent, int unreportedCalls, long startedAtMillis) {
      this(transcript, unsent, turns, toolCalls, tokensSpent, costSpent, unreportedCalls, startedAtMillis, 0, null);
    }
  }

  public AgentInput {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(brief, "brief");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(budget, "budget");
    context = context == null ? ContextSettings.DEFAULTS : context;
    resume = resume == null ? Optional.empty() : resume;
    loopGuard = loopGuard == null ? LoopGuardSettings.DEFAULTS : loopGuard;
  }

  /** An agent's first run: nothing to resume. */
  public static AgentInput fresh(String agentId, AgentBrief brief, AgentRouting routing, AgentLimits limits,
      AgentBudget budget) {
    return new AgentInput(agentId, brief, routing, limits, budget, ContextSettings.DEFAULTS, Optional.empty(),
        LoopGuardSettings.DEFAULTS);
  }

  /**
   * Goes on from a stopped agent (say after BUDGET_EXHAUSTED and an approval) with a new budget. Turns and spending
   * carry over, so {@code raised} is the agent's total budget, not an extra one; the wall clock and the loop guard's
   * counts start afresh (a person has looked at the agent).
   */
  public AgentInput resumedFrom(AgentResult stopped, AgentBudget raised) {
    BudgetStatus spent = stopped.usage().budget();
    ConversationState at = stopped.conversation();
    // the endpoint that served last holds the conversation's KV cache: go on there
    AgentRouting sticky = at.servedBy() != null ? routing.stickingTo(at.servedBy()) : routing;
    return new AgentInput(agentId, brief, sticky, limits, raised, context, Optional.of(new Resume(at.transcript(),
        at.unsent(), stopped.usage().turns(), stopped.usage().toolCalls(), spent.tokensSpent(), spent.costSpent(),
        spent.unreportedCalls(), 0, stopped.usage().compactions(), LoopGuardState.EMPTY)), loopGuard);
  }

  /** The same agent going on from {@code from} (when it continues as new). */
  public AgentInput withResume(Resume from) {
    return new AgentInput(agentId, brief, routing, limits, budget, context, Optional.of(from), loopGuard);
  }

  /** The same agent, and run, with another budget. */
  public AgentInput withBudget(AgentBudget other) {
    return new AgentInput(agentId, brief, routing, limits, other, context, resume, loopGuard);
  }

  /** The same agent from the start, with another budget: for one that stopped with nothing to carry over. */
  public AgentInput restartedWith(AgentBudget other) {
    return new AgentInput(agentId, brief, routing, limits, other, context, Optional.empty(), loopGuard);
  }

  /** The same agent with its calls routed by {@code other}. */
  public AgentInput withRouting(AgentRouting other) {
    return new AgentInput(agentId, brief, other, limits, budget, context, resume, loopGuard);
  }

  /** The same agent keeping its conversation inside the window as {@code settings} say. */
  public AgentInput withContext(ContextSettings settings) {
    return new AgentInput(agentId, brief, routing, limits, budget, settings, resume, loopGuard);
  }

  /** The same agent noticing loops on its tools as {@code settings} say. */
  public AgentInput withLoopGuard(LoopGuardSettings settings) {
    return new AgentInput(agentId, brief, routing, limits, budget, context, resume, settings);
  }
}

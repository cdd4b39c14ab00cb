package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.PoolUse;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.BudgetStatus;
import io.nightshift.workflows.agent.MemoryScope;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.engine.Tokens;
import io.nightshift.workflows.task.budget.BudgetShares;
import io.nightshift.workflows.task.budget.RecordedCost;
import io.nightshift.workflows.task.budget.TaskLedger;
import io.nightshift.workflows.task.control.Approval;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.control.TaskControl;
import io.nightshift.workflows.task.placement.ModelServerHold;
import io.nightshift.workflows.task.placement.PoolUnitHold;
import io.nightshift.workflows.task.placement.StepPlacer;
import io.nightshift.workflows.task.placement.StepPlacer.AgentPlacement;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs an {@code agent} step as a child {@link AgentWorkflow}. When the agent stops on its budget the task pauses
 * with reason BUDGET_EXHAUSTED and waits for a person: an approval with a raised budget resumes the same agent
 * (its conversation and spending carry over) in a new child; a rejection fails the step. Running agents are known
 * here so that steering guidance reaches them. With a task budget ({@link TaskLedger}) each run of the agent gets a
 * share of what the task has left as its budget and settles what it spent; a stop on that share (not on the step's
 * own budget) pauses the task with "BUDGET_EXHAUSTED: task budget" and an approval raises the task's totals.
 */
final class AgentStep {
  private static final int MAX_TOOL_CALLS_PER_TURN = 8;
  /** Version marker: an agent step on a pool's running servers holds its share of the pool while it runs. */
  static final String AGENT_UNIT_HOLD = "agent-unit-hold";
  /** Cap on each model answer of a step that sets none. */
  private static final int MAX_OUTPUT_TOKENS = 512;

  private final TaskInput task;
  private final TaskControl control;
  private final StepPlacer placer;
  private final Set<String> running = new LinkedHashSet<>();
  private final BudgetShares shares;

  /**
   * @param placer places agent steps that {@code require} a pool
   * @param shares the task budget every agent run reserves from and settles to ({@link BudgetShares#none()} without)
   */
  AgentStep(TaskInput task, TaskControl control, StepPlacer placer, BudgetShares shares) {
    this.task = task;
    this.control = control;
    this.placer = placer;
    this.shares = shares;
  }

  /** Call from the step's own workflow thread: it blocks on the agent and on people. */
  StepOutput run(PlannedStep step, String prompt) {
    AgentSettings a = step.agent();
    // A step that requires a pool runs on the endpoints of the pool placement picks (and may fail over to the
    // other endpoints serving its model); one that does not calls the endpoint it names, as before.
    Optional<AgentPlacement> placed = step.requires() == null ? Optional.empty()
        : Optional.of(placer.placeAgent(step, a.model()));
    String agentId = task.definition().taskId() + "/" + step.name();
    AgentRouting routing = new AgentRouting(
        placed.map(p -> p.onLease() ? p.model() : p.endpoints().get(0)).orElse(a.model()),
        placed.map(AgentPlacement::endpoints).orElse(List.of()), Optional.empty());
    AgentInput input = AgentInput.fresh(agentId, new AgentBrief(a.instructions(), prompt, a.tools(),
        Optional.of(memoryOf(step))), routing,
        new AgentLimits(a.maxTurns(), MAX_TOOL_CALLS_PER_TURN,
            a.maxOutputTokens() > 0 ? a.maxOutputTokens() : MAX_OUTPUT_TOKENS, 0), budget(a)).withContext(a.context())
        .withLoopGuard(a.loopGuard());
    // a pool that starts the model's server on a lease: held for each run of the agent, released after it
    Optional<ModelServerHold> hold = placed.filter(AgentPlacement::onLease).map(p -> new ModelServerHold(p, agentId));
    // on a pool's running servers: the step's share of the pool, held for each run (agents queue for it like steps)
    Optional<PoolUnitHold> units = placed.filter(p -> !p.onLease()).filter(p -> holdsUnits())
        .map(p -> new PoolUnitHold(p.pool(), p.pickup(), agentId, step.name(), StepPlacer.demand(step),
            p.pricePerUnitHour()));
    // the step's own budget (a total over all its runs); with a task budget each run gets an allocation of it
    AgentBudget own = input.budget();
    AgentResult last = null;
    for (int run = 1; ; run++) {
      String childId = input.agentId() + (run == 1 ? "" : "/resumed-" + run);
      Optional<TaskLedger.Allocation> allocation = allocate(step, own, last);
      if (allocation.isPresent()) {
        input = input.withBudget(allotted(own, last, allocation.get()));
      }
      if (hold.isPresent()) {
        input = input.withRouting(AgentRouting.onServer(hold.get().acquire().endpointId(),
            BackendQueues.forPool(placed.get().pool())));
      }
      units.ifPresent(PoolUnitHold::acquire);
      running.add(childId);
      AgentResult result;
      try {
        result = Workflow.newChildWorkflowStub(AgentWorkflow.class,
            ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build()).run(input);
      } catch (RuntimeException failed) {
        allocation.ifPresent(shares::release); // a failed agent reports no spending we could settle
        throw failed;
      } finally {
        running.remove(childId);
        hold.ifPresent(ModelServerHold::release);
        units.ifPresent(PoolUnitHold::release);
      }
      AgentResult before = last;
      allocation.ifPresent(share -> settle(share, before, result));
      last = result;
      switch (result.reason()) {
        case ANSWERED -> {
          // compactions named only when there were any, so the summaries of agents recorded before read the same
          StepOutput out = StepOutput.of(result.answer(), result.usage().turns() + " turns, "
              + result.usage().toolCalls() + " tool calls" + (result.usage().compactions() == 0 ? ""
                  : ", " + result.usage().compactions() + " compaction(s)") + ": " + result.detail(), 1);
          return placed.map(p -> hold.map(h -> onLease(out, p, h, result))
              .orElseGet(() -> onPool(out, p, units, result))).orElse(out);
        }
        case STEP_LIMIT -> throw ApplicationFailure.newNonRetryableFailure("the agent made " + result.usage().turns()
            + " model calls without answering (max_turns " + a.maxTurns() + "): " + result.detail(), "AgentStepLimit");
        default -> {
          if (allocation.isPresent() && cutByTask(allocation.get(), result)) {
            shares.awaitRaise(step.name(), "agent step '" + step.name() + "' stopped on its share: " + result.detail());
            input = resumed(input, result, own);
          } else {
            input = resumeAfterRaise(step, input.withBudget(own), result);
            own = input.budget();
          }
        }
      }
    }
  }

  /**
   * Reserves this run's share of the task budget: what the step may still spend of its own budget, cut to what the
   * task has left (see {@link BudgetShares#reserve}).
   */
  private Optional<TaskLedger.Allocation> allocate(PlannedStep step, AgentBudget own, AgentResult last) {
    long spentTokens = last == null ? 0 : spent(last).tokensSpent();
    BigDecimal spentCost = last == null ? BigDecimal.ZERO : spent(last).costSpent();
    long wantTokens = own.maxTokens() == Long.MAX_VALUE ? Long.MAX_VALUE : own.maxTokens() - spentTokens;
    BigDecimal wantCost = own.maxCost().subtract(spentCost);
    if (wantTokens <= 0 || wantCost.signum() <= 0) {
      // the step's own budget is spent: its own stop (and raise) handles that, give it a token share to find out
      wantTokens = Math.max(wantTokens, 1);
      wantCost = wantCost.signum() > 0 ? wantCost : new BigDecimal("0.00000001");
    }
    return shares.reserve(step.name(), wantTokens, wantCost);
  }

  /** The run's budget: what earlier runs of this agent spent (its ledger carries that over) plus the allocation. */
  private static AgentBudget allotted(AgentBudget own, AgentResult last, TaskLedger.Allocation a) {
    long spentTokens = last == null ? 0 : spent(last).tokensSpent();
    BigDecimal spentCost = last == null ? BigDecimal.ZERO : spent(last).costSpent();
    long tokens = a.tokens() == Long.MAX_VALUE ? Long.MAX_VALUE : Tokens.saturatedAdd(spentTokens, a.tokens());
    return new AgentBudget(tokens, spentCost.add(a.cost()), own.maxWallClockMillis());
  }

  /** Charges the task what this run spent (the agent's totals carry over runs, so only the difference is new). */
  private void settle(TaskLedger.Allocation a, AgentResult before, AgentResult after) {
    long tokens = spent(after).tokensSpent() - (before == null ? 0 : spent(before).tokensSpent());
    BigDecimal cost = spent(after).costSpent().subtract(before == null ? BigDecimal.ZERO
        : spent(before).costSpent());
    shares.settle(a, Math.max(0, tokens), cost.signum() < 0 ? BigDecimal.ZERO : cost);
  }

  /** Whether the agent stopped on a dimension the task's remainder (not the step's own budget) had cut. */
  private static boolean cutByTask(TaskLedger.Allocation a, AgentResult stopped) {
    String why = stopped.detail() == null ? "" : stopped.detail();
    return a.tokensCut() && why.startsWith("token budget") || a.costCut() && why.startsWith("cost budget");
    // a cost share also caps tokens at the task's price so far (see TaskLedger#reserve): then tokensCut is set too
  }

  /** The same agent going on from where it stopped (its budget is set afresh from the next allocation). */
  private static AgentInput resumed(AgentInput input, AgentResult stopped, AgentBudget own) {
    return stopped.conversation().transcript() == null ? input.withBudget(own) : input.resumedFrom(stopped, own);
  }

  private AgentInput resumeAfterRaise(PlannedStep step, AgentInput input, AgentResult stopped) {
    String why = "BUDGET_EXHAUSTED: agent step '" + step.name() + "' " + stopped.detail()
        + "; approve it with a raised budget to go on";
    Decision d = control.awaitApproval(Approval.budget(step.name(), why,
        "budget raise for step '" + step.name() + "'"));
    AgentBudget old = input.budget();
    AgentBudget raised = new AgentBudget(d.maxTokens() > 0 ? d.maxTokens() : old.maxTokens(),
        RecordedCost.limit(d.maxCost()).orElse(old.maxCost()), old.maxWallClockMillis());
    if (stopped.conversation().transcript() == null) {
      // it stopped before its first model call: nothing to carry over but the raised budget
      return input.restartedWith(raised);
    }
    return input.resumedFrom(stopped, raised);
  }

  /**
   * Records the pool of the endpoint that served the agent's last call (where it ended up after any failover),
   * with the agent's tokens and their cost, and the unit-seconds of its share of the placed pool (held while it
   * ran) at that pool's price. All of the agent's tokens count for that pool, also those of calls served elsewhere
   * before a failover.
   */
  private static StepOutput onPool(StepOutput out, AgentPlacement placed, Optional<PoolUnitHold> units,
      AgentResult result) {
    String servedBy = result.conversation().servedBy();
    String endpoint = servedBy != null ? servedBy : placed.endpoints().get(0);
    String pool = placed.poolOfEndpoint().getOrDefault(endpoint, placed.pool());
    String why = pool.equals(placed.pool()) ? placed.reason() + "; endpoint " + endpoint
        : placed.reason() + "; failed over to endpoint " + endpoint + " on " + pool;
    double unitSeconds = units.map(PoolUnitHold::unitSeconds).orElse(0.0);
    double unitCost = units.map(PoolUnitHold::cost).orElse(0.0);
    return out.placed(new PoolUse(pool, why, unitSeconds, unitCost + spent(result).costSpent().doubleValue(), 0))
        .withTokens(spent(result).tokensSpent()).withTelemetry(units.flatMap(PoolUnitHold::telemetry));
  }

  /** The pool that started the server, the unit-seconds its lease was held for this step and their price. */
  private static StepOutput onLease(StepOutput out, AgentPlacement placed, ModelServerHold hold,
      AgentResult result) {
    return out.placed(new PoolUse(placed.pool(), placed.reason(), hold.unitSeconds(),
        hold.cost() + spent(result).costSpent().doubleValue(), 0)).withTokens(spent(result).tokensSpent());
  }

  /**
   * Whether agent steps on running servers hold their share of the pool (version 1 of {@link #AGENT_UNIT_HOLD});
   * agents started before held nothing there.
   */
  private static boolean holdsUnits() {
    return Workflow.getVersion(AGENT_UNIT_HOLD, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /** The agent's ledger when it ended: its totals over all its runs so far. */
  private static BudgetStatus spent(AgentResult result) {
    return result.usage().budget();
  }

  void steer(String guidance) {
    for (String id : running) {
      Workflow.newExternalWorkflowStub(AgentWorkflow.class, id).steer(guidance);
    }
  }

  /**
   * The notes the step's memory tools work on: its own, or those of the scope it shares with the task's other agent
   * steps naming it; always this task's (a nested pipeline's steps are a task of their own).
   */
  private MemoryScope memoryOf(PlannedStep step) {
    String taskId = task.definition().taskId();
    return step.agent().memoryScope().map(shared -> MemoryScope.shared(taskId, shared))
        .orElseGet(() -> MemoryScope.ofStep(taskId, step.name()));
  }

  private static AgentBudget budget(AgentSettings a) {
    AgentBudget none = AgentBudget.unlimited();
    return new AgentBudget(a.maxTokens() > 0 ? a.maxTokens() : none.maxTokens(),
        RecordedCost.limit(a.maxCost()).orElse(none.maxCost()),
        a.wallClockMillis() > 0 ? a.wallClockMillis() : none.maxWallClockMillis());
  }
}

package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.backends.BackendQueues;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs an {@code agent} step as a child {@link AgentWorkflow}. When the agent stops on its budget the task pauses
 * with reason BUDGET_EXHAUSTED and waits for a person: an approval with a raised budget resumes the same agent
 * (its conversation and spending carry over) in a new child; a rejection fails the step. Running agents are known
 * here so that steering guidance reaches them.
 */
final class AgentStep {
  private static final int MAX_TOOL_CALLS_PER_TURN = 8;
  private static final int MAX_OUTPUT_TOKENS = 512;

  private final TaskInput task;
  private final Approvals approvals;
  private final TaskWorkflowImpl control;
  private final StepPlacer placer;
  private final Set<String> running = new LinkedHashSet<>();

  AgentStep(TaskInput task, Approvals approvals, TaskWorkflowImpl control) {
    this(task, approvals, control, null);
  }

  /** @param placer places agent steps that {@code require} a pool; null where no step does */
  AgentStep(TaskInput task, Approvals approvals, TaskWorkflowImpl control, StepPlacer placer) {
    this.task = task;
    this.approvals = approvals;
    this.control = control;
    this.placer = placer;
  }

  /** Call from the step's own workflow thread: it blocks on the agent and on people. */
  StepOutput run(PlannedStep step, String prompt) {
    AgentSettings a = step.agent();
    // A step that requires a pool runs on the endpoints of the pool placement picks (and may fail over to the
    // other endpoints serving its model); one that does not calls the endpoint it names, as before.
    StepPlacer.AgentPlacement placed = step.requires() == null || placer == null ? null
        : placer.placeAgent(step, a.model());
    String agentId = task.taskId() + "/" + step.name();
    AgentInput input = new AgentInput(agentId,
        placed == null ? a.model() : placed.onLease() ? placed.model() : placed.endpoints().get(0),
        a.instructions(), prompt, a.tools(),
        new AgentLimits(a.maxTurns(), MAX_TOOL_CALLS_PER_TURN, MAX_OUTPUT_TOKENS, 0), budget(a), null, null,
        placed == null ? List.of() : placed.endpoints());
    // a pool that starts the model's server on a lease: held for each run of the agent, released after it
    ModelServerHold hold = placed != null && placed.onLease() ? new ModelServerHold(placed, agentId) : null;
    for (int run = 1; ; run++) {
      String childId = input.agentId() + (run == 1 ? "" : "/resumed-" + run);
      if (hold != null) {
        input = input.onServer(hold.acquire().endpointId(), BackendQueues.forPool(placed.pool()));
      }
      running.add(childId);
      AgentResult result;
      try {
        result = Workflow.newChildWorkflowStub(AgentWorkflow.class,
            ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build()).run(input);
      } finally {
        running.remove(childId);
        if (hold != null) {
          hold.release();
        }
      }
      switch (result.reason()) {
        case ANSWERED -> {
          StepOutput out = new StepOutput(result.answer(), result.turns() + " turns, " + result.toolCalls()
              + " tool calls: " + result.detail(), 1);
          return placed == null ? out : hold != null ? onLease(out, placed, hold, result)
              : onPool(out, placed, result);
        }
        case STEP_LIMIT -> throw ApplicationFailure.newNonRetryableFailure("the agent made " + result.turns()
            + " model calls without answering (max_turns " + a.maxTurns() + "): " + result.detail(), "AgentStepLimit");
        default -> input = resumeAfterRaise(step, input, result);
      }
    }
  }

  private AgentInput resumeAfterRaise(PlannedStep step, AgentInput input, AgentResult stopped) {
    String why = "BUDGET_EXHAUSTED: agent step '" + step.name() + "' " + stopped.detail()
        + "; approve it with a raised budget to go on";
    control.pause(why);
    Decision d = approvals.await(step.name(), why);
    control.resume();
    if (!d.approved()) {
      throw ApplicationFailure.newNonRetryableFailure("budget raise for step '" + step.name() + "' rejected"
          + (d.by() == null ? "" : " by " + d.by()) + ": " + d.comment(), "BudgetRejected");
    }
    AgentBudget old = input.budget();
    AgentBudget raised = new AgentBudget(d.maxTokens() > 0 ? d.maxTokens() : old.maxTokens(),
        d.maxCost() != null ? new BigDecimal(d.maxCost()) : old.maxCost(), old.maxWallClockMillis());
    if (stopped.transcript() == null) {
      // it stopped before its first model call: nothing to carry over but the raised budget
      return new AgentInput(input.agentId(), input.endpoint(), input.instructions(), input.task(), input.tools(),
          input.limits(), raised, input.activityQueue(), null, input.endpoints());
    }
    return input.resumedFrom(stopped, raised);
  }

  /**
   * Records the pool of the endpoint that served the agent's last call (where it ended up after any failover),
   * with the agent's tokens and their cost. Attached model servers hold no lease, so no accelerator unit-seconds are
   * charged. All of the agent's tokens count for that pool, also those of calls served elsewhere before a failover.
   */
  private static StepOutput onPool(StepOutput out, StepPlacer.AgentPlacement placed, AgentResult result) {
    String endpoint = result.servedBy() != null ? result.servedBy() : placed.endpoints().get(0);
    String pool = placed.poolOfEndpoint().getOrDefault(endpoint, placed.pool());
    String why = pool.equals(placed.pool()) ? placed.reason() + "; endpoint " + endpoint
        : placed.reason() + "; failed over to endpoint " + endpoint + " on " + pool;
    return out.placed(pool, why, 0, result.budget().costSpent().doubleValue())
        .withTokens(result.budget().tokensSpent());
  }

  /** The pool that started the server, the unit-seconds its lease was held for this step and their price. */
  private static StepOutput onLease(StepOutput out, StepPlacer.AgentPlacement placed, ModelServerHold hold,
      AgentResult result) {
    return out.placed(placed.pool(), placed.reason(), hold.unitSeconds(),
        hold.cost() + result.budget().costSpent().doubleValue()).withTokens(result.budget().tokensSpent());
  }

  void steer(String guidance) {
    for (String id : running) {
      Workflow.newExternalWorkflowStub(AgentWorkflow.class, id).steer(guidance);
    }
  }

  private static AgentBudget budget(AgentSettings a) {
    AgentBudget none = AgentBudget.unlimited();
    return new AgentBudget(a.maxTokens() > 0 ? a.maxTokens() : none.maxTokens(),
        a.maxCost() != null ? new BigDecimal(a.maxCost()) : none.maxCost(),
        a.wallClockMillis() > 0 ? a.wallClockMillis() : none.maxWallClockMillis());
  }
}

package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
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
  private final Set<String> running = new LinkedHashSet<>();

  AgentStep(TaskInput task, Approvals approvals, TaskWorkflowImpl control) {
    this.task = task;
    this.approvals = approvals;
    this.control = control;
  }

  /** Call from the step's own workflow thread: it blocks on the agent and on people. */
  StepOutput run(PlannedStep step, String prompt) {
    AgentSettings a = step.agent();
    AgentInput input = new AgentInput(task.taskId() + "/" + step.name(), a.model(), a.instructions(), prompt,
        a.tools(), new AgentLimits(a.maxTurns(), MAX_TOOL_CALLS_PER_TURN, MAX_OUTPUT_TOKENS, 0), budget(a), null, null);
    for (int run = 1; ; run++) {
      String childId = input.agentId() + (run == 1 ? "" : "/resumed-" + run);
      running.add(childId);
      AgentResult result;
      try {
        result = Workflow.newChildWorkflowStub(AgentWorkflow.class,
            ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build()).run(input);
      } finally {
        running.remove(childId);
      }
      switch (result.reason()) {
        case ANSWERED -> {
          return new StepOutput(result.answer(), result.turns() + " turns, " + result.toolCalls() + " tool calls: "
              + result.detail(), 1);
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
          input.limits(), raised, input.activityQueue(), null);
    }
    return input.resumedFrom(stopped, raised);
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

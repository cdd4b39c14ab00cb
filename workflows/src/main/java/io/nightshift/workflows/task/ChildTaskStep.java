package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.task.budget.BudgetShares;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import io.nightshift.workflows.task.budget.TaskLedger;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Runs a {@code pipeline} step as a child {@link TaskWorkflow}. Under a task budget the child spends from its
 * parent's: before it starts, the parent reserves what it has left ({@link BudgetShares}) and gives that to the child
 * as the child's own task budget (with what is left of the parent's wall clock); when the child ends, the parent
 * settles what the child reports it spent, in its result or, when it failed, in its failure's details. So nesting a
 * pipeline is no way around a budget, and steps of the parent running beside the child wait for what it leaves.
 */
final class ChildTaskStep {
  /** Marks tasks whose child pipelines spend from the task budget; before it they ran without one. */
  static final String CHILD_TASK_BUDGET = "child-task-budget";

  private final TaskInput task;
  private final BudgetShares shares;

  /** @param shares the task budget's shares, or null for a task without a task budget */
  ChildTaskStep(TaskInput task, BudgetShares shares) {
    this.task = task;
    this.shares = shares;
  }

  Promise<StepOutput> start(PlannedStep step, Map<String, String> params) {
    String childId = task.taskId() + "." + step.name();
    TaskWorkflow child = Workflow.newChildWorkflowStub(TaskWorkflow.class, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(childId).build());
    TaskInput input = new TaskInput(childId, task.goal(), step.pipeline().name(), step.pipeline().yaml(), params,
        task.maxParallelSteps(), false, task.depth() + 1, task.historyBudget(), null, task.pools(), null,
        task.agentCeiling()); // the agent ceiling holds in child pipelines too; replanning is the parent's
    // tasks without a task budget never ask for the version, so their histories stay as they were
    if (shares == null || Workflow.getVersion(CHILD_TASK_BUDGET, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return Async.function(child::run, input).thenApply(r -> output(childId, r));
    }
    return Async.function(() -> runWithShare(step, child, input));
  }

  private StepOutput runWithShare(PlannedStep step, TaskWorkflow child, TaskInput input) {
    TaskLedger ledger = shares.ledger();
    TaskLedger.Allocation share = shares.reserve(step.name(), Long.MAX_VALUE, TaskLedger.NO_COST_LIMIT);
    long deadline = ledger.status().deadlineMillis();
    TaskBudget budget = new TaskBudget(share.tokens() == Long.MAX_VALUE ? 0 : share.tokens(),
        share.cost().compareTo(TaskLedger.NO_COST_LIMIT) >= 0 ? null : share.cost().toPlainString(),
        deadline == 0 ? 0 : Math.max(1, deadline - Workflow.currentTimeMillis()));
    TaskResult r;
    try {
      r = child.run(input.withBudget(budget));
    } catch (ChildWorkflowFailure failed) {
      TaskBudgetStatus spent = spentIn(failed);
      if (spent == null) {
        ledger.release(share.id()); // cancelled or terminated: it reported nothing we could settle
      } else {
        ledger.settle(share.id(), spent.tokensSpent(), new BigDecimal(spent.costSpent()));
      }
      throw failed;
    }
    if (r.spent() == null) {
      ledger.release(share.id());
    } else {
      ledger.settle(share.id(), r.spent().tokensSpent(), new BigDecimal(r.spent().costSpent()));
    }
    StepOutput out = output(input.taskId(), r);
    return r.spent() == null ? out : new StepOutput(out.output(), out.summary() + ", spent " + r.spent().tokensSpent()
        + " tokens, cost " + new BigDecimal(r.spent().costSpent()).stripTrailingZeros().toPlainString(), 1);
  }

  private static StepOutput output(String childId, TaskResult r) {
    return new StepOutput(r.result(), "child task " + childId + ": " + r.outputs().size() + " steps", 1);
  }

  /** The child's budget figures from its failure, where it failed as a task with a budget fails. */
  private static TaskBudgetStatus spentIn(ChildWorkflowFailure failed) {
    if (failed.getCause() instanceof ApplicationFailure app && app.getDetails().getSize() > 0) {
      return app.getDetails().get(TaskBudgetStatus.class);
    }
    return null;
  }
}

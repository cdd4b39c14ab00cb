package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.task.budget.BudgetShares;
import io.nightshift.workflows.task.budget.RecordedCost;
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

  /** @param shares the task budget's shares ({@link BudgetShares#none()} for a task without a task budget) */
  ChildTaskStep(TaskInput task, BudgetShares shares) {
    this.task = task;
    this.shares = shares;
  }

  Promise<StepOutput> start(PlannedStep step, Map<String, String> params) {
    String childId = task.definition().taskId() + "." + step.name();
    TaskWorkflow child = Workflow.newChildWorkflowStub(TaskWorkflow.class, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(childId).build());
    TaskInput.Builder input = childInput(childId, step, params);
    // tasks without a task budget never ask for the version, so their histories stay as they were
    if (!shares.limited()
        || Workflow.getVersion(CHILD_TASK_BUDGET, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return Async.function(child::run, input.build()).thenApply(r -> output(childId, r));
    }
    return Async.function(() -> runWithShare(step, child, childId, input));
  }

  /**
   * The child task's input: the parent's settings one level deeper, and its agent ceiling, which holds in child
   * pipelines too; replanning is the parent's, and so is the budget (the child gets a share of it).
   */
  private TaskInput.Builder childInput(String childId, PlannedStep step, Map<String, String> params) {
    TaskInput.Builder child = TaskInput.builder(childId, task.definition().goal())
        .pipeline(step.pipeline().name(), step.pipeline().yaml()).params(params)
        .depth(task.definition().depth() + 1).maxParallelSteps(task.settings().maxParallelSteps())
        .historyBudget(task.settings().historyBudget()).pools(task.pools());
    task.policies().agentCeiling().ifPresent(child::agentCeiling);
    return child;
  }

  private StepOutput runWithShare(PlannedStep step, TaskWorkflow child, String childId, TaskInput.Builder input) {
    TaskLedger.Allocation share = shares.reserve(step.name(), Long.MAX_VALUE, TaskLedger.NO_COST_LIMIT)
        .orElseThrow();
    long deadline = shares.deadlineMillis();
    TaskBudget budget = new TaskBudget(share.tokens() == Long.MAX_VALUE ? 0 : share.tokens(),
        share.cost().compareTo(TaskLedger.NO_COST_LIMIT) >= 0 ? null : share.cost().toPlainString(),
        deadline == 0 ? 0 : Math.max(1, deadline - Workflow.currentTimeMillis()));
    TaskResult r;
    try {
      r = child.run(input.budget(budget).build());
    } catch (ChildWorkflowFailure failed) {
      TaskBudgetStatus spent = spentIn(failed);
      if (spent == null) {
        shares.release(share); // cancelled or terminated: it reported nothing we could settle
      } else {
        shares.settle(share, spent.tokensSpent(), spentCost(spent));
      }
      throw failed;
    }
    if (r.spent().isEmpty()) {
      shares.release(share);
      return output(childId, r);
    }
    TaskBudgetStatus spent = r.spent().get();
    shares.settle(share, spent.tokensSpent(), spentCost(spent));
    StepOutput out = output(childId, r);
    return StepOutput.of(out.output(), out.summary() + ", spent " + spent.tokensSpent() + " tokens, cost "
        + spentCost(spent).stripTrailingZeros().toPlainString(), 1);
  }

  private static BigDecimal spentCost(TaskBudgetStatus spent) {
    return RecordedCost.amount(spent.costSpent()).orElse(BigDecimal.ZERO);
  }

  private static StepOutput output(String childId, TaskResult r) {
    return StepOutput.of(r.result(), "child task " + childId + ": " + r.outputs().size() + " steps", 1);
  }

  /** The child's budget figures from its failure, where it failed as a task with a budget fails. */
  private static TaskBudgetStatus spentIn(ChildWorkflowFailure failed) {
    if (failed.getCause() instanceof ApplicationFailure app && app.getDetails().getSize() > 0) {
      return app.getDetails().get(TaskBudgetStatus.class);
    }
    return null;
  }
}

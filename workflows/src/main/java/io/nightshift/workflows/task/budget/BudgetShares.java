package io.nightshift.workflows.task.budget;

import io.nightshift.workflows.task.control.TaskControl;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the steps that spend a task's budget (agent steps, child pipelines) take from it and give back. Workflow
 * code: call it from the step's own workflow thread, it may block there.
 */
public interface BudgetShares {
  /** The shares of a task without a task budget: there is nothing to reserve, settle or wait for. */
  static BudgetShares none() {
    return NoShares.INSTANCE;
  }

  /** Shares of the budget {@code ledger} keeps; when it runs out, a step waits for a person through {@code control}. */
  static BudgetShares of(TaskLedger ledger, TaskControl control) {
    return new LedgerShares(ledger, control);
  }

  /** Whether the task has a budget to spend from (tasks without one keep the histories they always had). */
  boolean limited();

  /**
   * Reserves at most {@code wantTokens} and {@code wantCost} for step {@code step}, cut to what the task has left;
   * empty without a task budget (the step runs on its own budget alone).
   */
  Optional<TaskLedger.Allocation> reserve(String step, long wantTokens, BigDecimal wantCost);

  /** Charges what the run under {@code a} spent and frees the rest of its share. */
  void settle(TaskLedger.Allocation a, long tokens, BigDecimal cost);

  /** Frees a share whose run reported no spending (it failed, or was cancelled). */
  void release(TaskLedger.Allocation a);

  /** Workflow time after which no new step starts without approval; 0 for none. */
  long deadlineMillis();

  /**
   * Pauses the task with BUDGET_EXHAUSTED until someone decides on this step: an approval's max_tokens / max_cost
   * become the task's new limits; a rejection fails the step. A raise approved on another step waiting the same way
   * also lets this one go on (it then tries again for a share of the raised budget).
   */
  void awaitRaise(String step, String what);
}

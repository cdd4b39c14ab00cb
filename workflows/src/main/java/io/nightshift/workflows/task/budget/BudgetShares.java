package io.nightshift.workflows.task.budget;

import io.nightshift.workflows.task.control.Approval;
import io.nightshift.workflows.task.control.TaskControl;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;

/**
 * Hands out shares of the task budget ({@link TaskLedger}) to the steps that spend it, agent steps and child
 * pipelines alike, and holds a step back while there is nothing to give: while other steps hold shares it waits
 * for them to settle; when nothing is held and nothing is left, the task pauses with BUDGET_EXHAUSTED until a
 * person approves a raise of the task's totals (or rejects it, which fails the step). Workflow code.
 */
public final class BudgetShares {
  private final TaskLedger ledger;
  private final TaskControl control;

  public BudgetShares(TaskLedger ledger, TaskControl control) {
    this.ledger = ledger;
    this.control = control;
  }

  public TaskLedger ledger() {
    return ledger;
  }

  /**
   * Reserves at most {@code wantTokens} and {@code wantCost} for step {@code step}, cut to what the task has left;
   * blocks (the step's own workflow thread) until there is something to give.
   */
  public TaskLedger.Allocation reserve(String step, long wantTokens, BigDecimal wantCost) {
    while (true) {
      TaskLedger.Allocation a = ledger.reserve(wantTokens, wantCost);
      if (a != null) {
        return a;
      }
      if (ledger.holding()) {
        // other steps hold the rest: what they do not spend comes back when they settle
        int seen = ledger.changes();
        Workflow.await(() -> ledger.changes() != seen);
        continue;
      }
      awaitRaise(step, "nothing left for step '" + step + "'");
    }
  }

  /**
   * Pauses the task with BUDGET_EXHAUSTED until someone decides on this step: an approval's max_tokens / max_cost
   * become the task's new limits; a rejection fails the step. A raise approved on another step waiting the same way
   * also lets this one go on (it then tries again for a share of the raised budget).
   */
  public void awaitRaise(String step, String what) {
    String why = "BUDGET_EXHAUSTED: task budget (" + ledger.describe() + "): " + what
        + "; approve step '" + step + "' with a raised max_tokens/max_cost for the whole task to go on";
    int raisesSeen = ledger.raises();
    // empty when a raise approved on another step ended the wait
    control.awaitApproval(Approval.budget(step, why, "task budget raise for step '" + step + "'"),
        () -> ledger.raises() != raisesSeen).ifPresent(d -> ledger.raise(d.maxTokens(),
            d.maxCost() == null || d.maxCost().isBlank() ? null : new BigDecimal(d.maxCost())));
  }
}

package io.nightshift.workflows.task.budget;

import io.nightshift.workflows.task.control.Approval;
import io.nightshift.workflows.task.control.TaskControl;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The shares of a task that has a task budget: hands out shares of what its {@link TaskLedger} has left to the steps
 * that spend it, agent steps and child pipelines alike, and holds a step back while there is nothing to give: while
 * other steps hold shares it waits for them to settle; when nothing is held and nothing is left, the task pauses with
 * BUDGET_EXHAUSTED until a person approves a raise of the task's totals (or rejects it, which fails the step).
 */
final class LedgerShares implements BudgetShares {
  private final TaskLedger ledger;
  private final TaskControl control;

  LedgerShares(TaskLedger ledger, TaskControl control) {
    this.ledger = ledger;
    this.control = control;
  }

  @Override
  public boolean limited() {
    return true;
  }

  /** Blocks (the step's own workflow thread) until there is something to give. */
  @Override
  public Optional<TaskLedger.Allocation> reserve(String step, long wantTokens, BigDecimal wantCost) {
    while (true) {
      Optional<TaskLedger.Allocation> a = ledger.reserve(wantTokens, wantCost);
      if (a.isPresent()) {
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

  @Override
  public void settle(TaskLedger.Allocation a, long tokens, BigDecimal cost) {
    ledger.settle(a.id(), tokens, cost);
  }

  @Override
  public void release(TaskLedger.Allocation a) {
    ledger.release(a.id());
  }

  @Override
  public long deadlineMillis() {
    return ledger.status().deadlineMillis();
  }

  @Override
  public void awaitRaise(String step, String what) {
    String why = "BUDGET_EXHAUSTED: task budget (" + ledger.describe() + "): " + what
        + "; approve step '" + step + "' with a raised max_tokens/max_cost for the whole task to go on";
    int raisesSeen = ledger.raises();
    // empty when a raise approved on another step ended the wait
    control.awaitApproval(Approval.budget(step, why, "task budget raise for step '" + step + "'"),
        () -> ledger.raises() != raisesSeen).ifPresent(d -> ledger.raise(d.maxTokens(),
            RecordedCost.limit(d.maxCost()).orElse(null)));
  }
}

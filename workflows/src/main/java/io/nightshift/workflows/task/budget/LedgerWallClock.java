package io.nightshift.workflows.task.budget;

import io.nightshift.workflows.task.control.Approval;
import io.nightshift.workflows.task.control.TaskControl;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;

/**
 * The wall clock of a task that has a task budget: once it has run out, a step about to start pauses the task with
 * BUDGET_EXHAUSTED and waits for a person on its own name. An approval gives the task another full wall-clock
 * window from the moment it arrives (ApproveTask carries no time of its own); a rejection fails that step and every
 * step waiting behind it. Steps already running go on: agent steps keep their own wall-clock budgets.
 */
final class LedgerWallClock implements WallClockGate {
  private final TaskLedger ledger;
  private final TaskControl control;
  /** One step asks at a time; others that reach the gate meanwhile wait for its answer. */
  private boolean asking;
  private String rejection;

  LedgerWallClock(TaskLedger ledger, TaskControl control) {
    this.ledger = ledger;
    this.control = control;
  }

  /** Each step passes the gate in a workflow thread of its own, then starts. */
  @Override
  public <T> Promise<T> guard(String step, Supplier<Promise<T>> start) {
    return Async.function(() -> {
      pass(step);
      return start.get().get();
    });
  }

  /** Returns once the task's wall clock allows {@code step} to start. */
  private void pass(String step) {
    while (ledger.pastDeadline(Workflow.currentTimeMillis())) {
      if (rejection != null) {
        throw ApplicationFailure.newNonRetryableFailure(rejection, Approval.BUDGET_REJECTED);
      }
      if (asking) {
        Workflow.await(() -> !asking);
        continue;
      }
      asking = true;
      try {
        long seconds = ledger.state().wallClockMillis() / 1000;
        String why = "BUDGET_EXHAUSTED: task budget: its wall clock of " + seconds + " s ran out before step '"
            + step + "' could start; approve step '" + step + "' to give the task another " + seconds + " s";
        control.awaitApproval(Approval.budget(step, why, "task wall-clock extension for step '" + step + "'"));
        ledger.extendDeadline(Workflow.currentTimeMillis());
      } catch (ApplicationFailure rejected) {
        rejection = rejected.getOriginalMessage(); // every step waiting behind this one fails the same way
        throw rejected;
      } finally {
        asking = false;
      }
    }
  }
}

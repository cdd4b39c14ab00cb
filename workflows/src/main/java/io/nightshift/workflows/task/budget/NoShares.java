package io.nightshift.workflows.task.budget;

import java.math.BigDecimal;
import java.util.Optional;

/** The shares of a task without a task budget: every step runs on its own budget alone. */
enum NoShares implements BudgetShares {
  INSTANCE;

  @Override
  public boolean limited() {
    return false;
  }

  @Override
  public Optional<TaskLedger.Allocation> reserve(String step, long wantTokens, BigDecimal wantCost) {
    return Optional.empty();
  }

  @Override
  public void settle(TaskLedger.Allocation a, long tokens, BigDecimal cost) {
    throw new IllegalStateException("a task without a task budget hands out no shares to settle");
  }

  @Override
  public void release(TaskLedger.Allocation a) {
    throw new IllegalStateException("a task without a task budget hands out no shares to release");
  }

  @Override
  public long deadlineMillis() {
    return 0;
  }

  @Override
  public void awaitRaise(String step, String what) {
    throw new IllegalStateException("a task without a task budget has no budget to raise");
  }
}

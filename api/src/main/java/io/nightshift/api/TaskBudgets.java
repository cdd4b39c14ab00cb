package io.nightshift.api;

import io.nightshift.api.v1.TaskSpec;
import io.nightshift.workflows.task.budget.TaskBudget;
import java.util.Optional;

/**
 * Reads and checks {@code spec.budget}, the total over all agent steps of a task: every field given must be greater
 * than 0, and one must be given.
 */
final class TaskBudgets {
  private static final BudgetFields FIELDS = new BudgetFields("spec.budget");

  private TaskBudgets() {}

  /** @return the task budget; empty when the spec sets none */
  static Optional<TaskBudget> of(TaskSpec spec) {
    if (!spec.hasBudget()) {
      return Optional.empty();
    }
    io.nightshift.api.v1.TaskBudget b = spec.getBudget();
    FIELDS.requireAny(b.hasMaxTokens(), b.hasMaxCost(), b.hasWallClockSeconds());
    return Optional.of(new TaskBudget(FIELDS.tokens(b.hasMaxTokens(), b.getMaxTokens()),
        FIELDS.cost(b.hasMaxCost(), b.getMaxCost()),
        FIELDS.wallClockMillis(b.hasWallClockSeconds(), b.getWallClockSeconds())));
  }
}

package io.nightshift.runtime.api;

import io.nightshift.api.v1.TaskSpec;
import io.nightshift.workflows.task.TaskBudget;
import java.math.BigDecimal;

/**
 * Reads and checks {@code spec.budget}, the total over all agent steps of a task: every field given must be greater
 * than 0, and one must be given.
 */
final class TaskBudgets {
  private TaskBudgets() {}

  /** @return the task budget, or null when the spec sets none */
  static TaskBudget of(TaskSpec spec) {
    if (!spec.hasBudget()) {
      return null;
    }
    io.nightshift.api.v1.TaskBudget b = spec.getBudget();
    if (!b.hasMaxTokens() && !b.hasMaxCost() && !b.hasWallClockSeconds()) {
      throw ApiErrors.invalid("spec.budget", "budget sets none of max_tokens, max_cost, wall_clock_seconds; give at"
          + " least one (> 0) or leave it out");
    }
    if (b.hasMaxTokens() && b.getMaxTokens() <= 0) {
      throw ApiErrors.invalid("spec.budget.max_tokens", "max_tokens must be greater than 0, was " + b.getMaxTokens());
    }
    if (b.hasWallClockSeconds() && (b.getWallClockSeconds() <= 0 || b.getWallClockSeconds() > Long.MAX_VALUE / 1000)) {
      throw ApiErrors.invalid("spec.budget.wall_clock_seconds", "wall_clock_seconds must be greater than 0 (and a"
          + " sane number of seconds), was " + b.getWallClockSeconds());
    }
    String cost = b.hasMaxCost() ? b.getMaxCost().trim() : null;
    if (cost != null && !positive(cost)) {
      throw ApiErrors.invalid("spec.budget.max_cost", "max_cost must be a decimal number greater than 0, was '"
          + b.getMaxCost() + "'");
    }
    return new TaskBudget(b.hasMaxTokens() ? b.getMaxTokens() : 0, cost,
        b.hasWallClockSeconds() ? b.getWallClockSeconds() * 1000 : 0);
  }

  private static boolean positive(String decimal) {
    try {
      return new BigDecimal(decimal).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

package io.nightshift.runtime.api;

import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.workflows.task.budget.AgentCeiling;

/** Reads and checks {@code spec.agent_budget}: every field given must be greater than 0, and one must be given. */
final class AgentCeilings {
  private static final BudgetFields FIELDS = new BudgetFields("spec.agent_budget");

  private AgentCeilings() {}

  /** @return the ceiling, or null when the spec sets none */
  static AgentCeiling of(TaskSpec spec) {
    if (!spec.hasAgentBudget()) {
      return null;
    }
    AgentBudget b = spec.getAgentBudget();
    FIELDS.requireAny(b.hasMaxTokens(), b.hasMaxCost(), b.hasWallClockSeconds());
    return new AgentCeiling(FIELDS.tokens(b.hasMaxTokens(), b.getMaxTokens()),
        FIELDS.cost(b.hasMaxCost(), b.getMaxCost()),
        FIELDS.wallClockMillis(b.hasWallClockSeconds(), b.getWallClockSeconds()));
  }
}

package io.nightshift.api;

import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.workflows.task.budget.AgentCeiling;
import java.util.Optional;

/** Reads and checks {@code spec.agent_budget}: every field given must be greater than 0, and one must be given. */
final class AgentCeilings {
  private static final BudgetFields FIELDS = new BudgetFields("spec.agent_budget");

  private AgentCeilings() {}

  /** @return the ceiling; empty when the spec sets none */
  static Optional<AgentCeiling> of(TaskSpec spec) {
    if (!spec.hasAgentBudget()) {
      return Optional.empty();
    }
    AgentBudget b = spec.getAgentBudget();
    FIELDS.requireAny(b.hasMaxTokens(), b.hasMaxCost(), b.hasWallClockSeconds());
    return Optional.of(new AgentCeiling(FIELDS.tokens(b.hasMaxTokens(), b.getMaxTokens()),
        FIELDS.cost(b.hasMaxCost(), b.getMaxCost()),
        FIELDS.wallClockMillis(b.hasWallClockSeconds(), b.getWallClockSeconds())));
  }
}

package io.nightshift.workflows.agent;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an agent may spend. Every limit must be positive: a zero or negative budget is a caller's mistake to
 * reject at submission (the API turns this exception into INVALID_ARGUMENT), not an agent that stops at once.
 *
 * @param maxTokens          input plus output tokens over all model calls
 * @param maxCost            in the endpoints' accounting currency (see models' PriceBasis)
 * @param maxWallClockMillis workflow time from the agent's start
 */
public record AgentBudget(long maxTokens, BigDecimal maxCost, long maxWallClockMillis) {
  public AgentBudget {
    Objects.requireNonNull(maxCost, "maxCost must not be null");
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be greater than 0 but was " + maxTokens);
    }
    if (maxCost.signum() <= 0) {
      throw new IllegalArgumentException("maxCost must be greater than 0 but was " + maxCost);
    }
    if (maxWallClockMillis <= 0) {
      throw new IllegalArgumentException("maxWallClockMillis must be greater than 0 but was " + maxWallClockMillis);
    }
  }

  /** No practical limit: for agents governed by a task-level budget only. */
  public static AgentBudget unlimited() {
    return new AgentBudget(Long.MAX_VALUE, new BigDecimal("1e12"), Long.MAX_VALUE);
  }

  public static AgentBudget ofTokens(long maxTokens) {
    return new AgentBudget(maxTokens, unlimited().maxCost(), Long.MAX_VALUE);
  }
}

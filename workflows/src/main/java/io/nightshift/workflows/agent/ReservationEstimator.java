package io.nightshift.workflows.agent;

import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What to reserve before the next model call. The next prompt holds at least the last prompt and answer, so
 * version 1 reserves last input + last output + the output cap, priced at the last call's cost per token (0 before
 * the first call: no price is known yet). A different formula changes which calls a budget allows, so it must come
 * under a new {@link Workflow#getVersion} value, not replace this one.
 */
final class ReservationEstimator {
  static final String CHANGE_ID = "agent-reservation-estimate";
  static final int V1 = 1;

  private final int version;
  private long lastTokens;
  private BigDecimal costPerToken = BigDecimal.ZERO;

  ReservationEstimator(int version) {
    this.version = version;
  }

  long tokens(AgentLimits limits) {
    return lastTokens + limits.maxOutputTokens();
  }

  BigDecimal cost(AgentLimits limits) {
    return costPerToken.multiply(BigDecimal.valueOf(tokens(limits))).setScale(8, RoundingMode.UP);
  }

  void observe(ModelTurnOutput out) {
    if (!out.usageReported()) {
      return; // keep the last trustworthy figures
    }
    lastTokens = out.tokens();
    if (out.tokens() > 0) {
      costPerToken = out.cost().divide(BigDecimal.valueOf(out.tokens()), 12, RoundingMode.UP);
    }
  }

  int version() {
    return version;
  }
}

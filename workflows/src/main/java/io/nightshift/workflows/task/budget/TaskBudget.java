package io.nightshift.workflows.task.budget;

import java.math.BigDecimal;

/**
 * What a whole task may spend over all its agent steps together, set by the submitter (unlike {@link AgentCeiling},
 * which bounds each agent step on its own). A dimension left out (0 / null) has no limit.
 *
 * @param maxTokens       input plus output tokens of every agent step together, 0 for no limit
 * @param maxCost         cost of every agent step together as exact decimal text, null for no limit
 * @param wallClockMillis workflow time from the task's start after which no new step starts without approval, 0 for
 *                        no limit
 */
public record TaskBudget(long maxTokens, String maxCost, long wallClockMillis) {
  public TaskBudget {
    if (maxTokens < 0 || wallClockMillis < 0) {
      throw new IllegalArgumentException("maxTokens and wallClockMillis must not be negative");
    }
    if (maxCost != null && new BigDecimal(maxCost).signum() <= 0) {
      throw new IllegalArgumentException("maxCost must be greater than 0 but was " + maxCost);
    }
  }
}

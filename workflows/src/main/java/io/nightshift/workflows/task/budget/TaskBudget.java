package io.nightshift.workflows.task.budget;


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
    Limits.check(maxTokens, maxCost, wallClockMillis);
  }
}

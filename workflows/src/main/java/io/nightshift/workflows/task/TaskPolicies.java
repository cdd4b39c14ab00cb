package io.nightshift.workflows.task;

import io.nightshift.workflows.task.budget.AgentCeiling;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.util.Optional;

/**
 * What the task's submitter allows beyond the plan; each is absent unless they set it (null in JSON, as recorded).
 *
 * @param replan       whether and how a permanent step failure leads to a revised plan; absent: never (the task
 *                     fails, as tasks always did)
 * @param agentCeiling the most each agent step may spend; absent: only the steps' own budgets
 * @param budget       the most all agent steps together may spend, and the task's wall clock; absent: no limit
 */
public record TaskPolicies(Optional<ReplanPolicy> replan, Optional<AgentCeiling> agentCeiling,
    Optional<TaskBudget> budget) {
  public static final TaskPolicies NONE = new TaskPolicies(Optional.empty(), Optional.empty(), Optional.empty());

  public TaskPolicies {
    replan = replan == null ? Optional.empty() : replan;
    agentCeiling = agentCeiling == null ? Optional.empty() : agentCeiling;
    budget = budget == null ? Optional.empty() : budget;
  }
}

package io.nightshift.workflows.task;

import io.nightshift.workflows.task.budget.AgentCeiling;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.util.Map;

/**
 * What starts a task workflow. Small by design: a pipeline is text of at most a megabyte, data goes by
 * artifact reference inside {@code params}.
 *
 * @param taskId               the task id (= workflow id)
 * @param goal                 the goal in words
 * @param pipelineName         name of the pipeline, for display
 * @param pipelineYaml         the pipeline to plan from
 * @param params               task parameters
 * @param maxParallelSteps     the window of steps running at once (kept far below Temporal's 2,000 pending)
 * @param useSearchAttributes  whether the server has Nightshift's search attributes registered (the in-memory
 *                             fallback server may not); fixed at start so replay takes the same path
 * @param depth                nesting depth in pipeline steps (0 for a submitted task)
 * @param historyBudget        continue-as-new once history passes this many events (0 = the default); Temporal's
 *                             own suggestion also triggers it
 * @param carry                state carried over from the previous run, or null on the first run
 * @param pools                accelerator pools steps with {@code requires} may be placed on
 * @param replan               whether and how a permanent step failure leads to a revised plan; null = never
 *                             (the task fails, as tasks always did)
 * @param agentCeiling         the most each agent step may spend, or null for only the steps' own budgets
 * @param budget               the most all agent steps together may spend, and the task's wall clock; null for none
 */
public record TaskInput(String taskId, String goal, String pipelineName, String pipelineYaml,
    Map<String, String> params, int maxParallelSteps, boolean useSearchAttributes, int depth, int historyBudget,
    TaskCarry carry, java.util.List<String> pools, ReplanPolicy replan, AgentCeiling agentCeiling,
    TaskBudget budget) {
  public TaskInput(String taskId, String goal, String pipelineName, String pipelineYaml, Map<String, String> params,
      int maxParallelSteps, boolean useSearchAttributes, int depth, int historyBudget, TaskCarry carry,
      java.util.List<String> pools, ReplanPolicy replan, AgentCeiling agentCeiling) {
    this(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes, depth,
        historyBudget, carry, pools, replan, agentCeiling, null);
  }

  public TaskInput(String taskId, String goal, String pipelineName, String pipelineYaml, Map<String, String> params,
      int maxParallelSteps, boolean useSearchAttributes, int depth, int historyBudget, TaskCarry carry,
      java.util.List<String> pools) {
    this(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes, depth,
        historyBudget, carry, pools, null, null);
  }

  public TaskInput(String taskId, String goal, String pipelineName, String pipelineYaml, Map<String, String> params,
      int maxParallelSteps, boolean useSearchAttributes, int depth, int historyBudget, TaskCarry carry,
      java.util.List<String> pools, ReplanPolicy replan) {
    this(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes, depth,
        historyBudget, carry, pools, replan, null);
  }

  /** A first run at depth 0 with the default history budget. */
  public TaskInput(String taskId, String goal, String pipelineName, String pipelineYaml, Map<String, String> params,
      int maxParallelSteps, boolean useSearchAttributes) {
    this(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes, 0, 0, null,
        java.util.List.of());
  }

  public TaskInput withCarry(TaskCarry next) {
    return new TaskInput(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes,
        depth, historyBudget, next, pools, replan, agentCeiling, budget);
  }

  public TaskInput withAgentCeiling(AgentCeiling ceiling) {
    return new TaskInput(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes,
        depth, historyBudget, carry, pools, replan, ceiling, budget);
  }

  public TaskInput withReplan(ReplanPolicy policy) {
    return new TaskInput(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes,
        depth, historyBudget, carry, pools, policy, agentCeiling, budget);
  }

  public TaskInput withBudget(TaskBudget taskBudget) {
    return new TaskInput(taskId, goal, pipelineName, pipelineYaml, params, maxParallelSteps, useSearchAttributes,
        depth, historyBudget, carry, pools, replan, agentCeiling, taskBudget);
  }

  public TaskInput {
    params = Map.copyOf(params == null ? Map.of() : params);
    pools = java.util.List.copyOf(pools == null ? java.util.List.of() : pools);
    if (maxParallelSteps < 1) {
      throw new IllegalArgumentException("maxParallelSteps must be at least 1, was " + maxParallelSteps);
    }
  }
}

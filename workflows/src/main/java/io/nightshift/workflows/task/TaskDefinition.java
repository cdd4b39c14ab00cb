package io.nightshift.workflows.task;

import io.nightshift.core.planner.PlanRequest;
import java.util.Map;

/**
 * What a task is asked to do.
 *
 * @param taskId       the task id (= workflow id)
 * @param goal         the goal in words
 * @param pipelineName name of the pipeline, for display
 * @param pipelineYaml the pipeline to plan from; null where the planner model plans from the goal
 * @param params       task parameters
 * @param depth        nesting depth in pipeline steps (0 for a submitted task)
 */
public record TaskDefinition(String taskId, String goal, String pipelineName, String pipelineYaml,
    Map<String, String> params, int depth) {
  public TaskDefinition {
    params = Map.copyOf(params == null ? Map.of() : params);
  }

  /** What the planner is asked, for the first plan and for every revision. */
  public PlanRequest planRequest() {
    return new PlanRequest(goal, pipelineYaml, params, depth);
  }
}

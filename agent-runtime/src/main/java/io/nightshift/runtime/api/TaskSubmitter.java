package io.nightshift.runtime.api;

import io.grpc.Status;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a submission completely before anything starts (the same planner the workflow will run), then starts
 * the task workflow. A bad pipeline is INVALID_ARGUMENT naming step and field; nothing is started for it.
 */
final class TaskSubmitter {
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
  private final WorkflowClient client;
  private final Planner planner;
  private final PipelineCatalog catalog;
  private final int maxParallelSteps;
  private final boolean searchAttributes;
  private final List<String> pools;

  /** @param pools the accelerator pools steps with {@code requires} may be placed on */
  TaskSubmitter(WorkflowClient client, Planner planner, PipelineCatalog catalog, int maxParallelSteps,
      boolean searchAttributes, List<String> pools) {
    this.pools = List.copyOf(pools);
    this.client = client;
    this.planner = planner;
    this.catalog = catalog;
    this.maxParallelSteps = maxParallelSteps;
    this.searchAttributes = searchAttributes;
  }

  String submit(TaskSpec spec, String requestedId) {
    String taskId = requestedId.isEmpty() ? "task-" + UUID.randomUUID() : requestedId;
    if (!TASK_ID.matcher(taskId).matches()) {
      throw ApiErrors.invalid("task_id", "task_id must be 1-128 letters, digits, '-' or '_', starting with a"
          + " letter or digit; was '" + requestedId + "'");
    }
    String field;
    String yaml;
    String pipelineName;
    switch (spec.getPipelineCase()) {
      case PIPELINE_YAML -> {
        field = "spec.pipeline_yaml";
        yaml = spec.getPipelineYaml();
        pipelineName = null;
      }
      case PIPELINE_NAME -> {
        field = "spec.pipeline_name";
        pipelineName = spec.getPipelineName();
        yaml = catalog.yaml(pipelineName).orElseThrow(() -> ApiErrors.invalid(field, "unknown pipeline '"
            + spec.getPipelineName() + "'; known: " + String.join(", ", catalog.names())));
      }
      default -> throw ApiErrors.invalid("spec.pipeline", "give a pipeline: pipeline_yaml or pipeline_name");
    }
    Map<String, String> params = spec.getParamsMap();
    String name;
    try {
      name = planner.plan(new PlanRequest(spec.getGoal(), yaml, params)).pipeline();
    } catch (InvalidPipelineException e) {
      throw ApiErrors.invalidPipeline(field, e.problems());
    }
    if (pipelineName != null) {
      name = pipelineName;
    }
    start(taskId, new TaskInput(taskId, spec.getGoal(), name, yaml, params, maxParallelSteps, searchAttributes, 0, 0,
        null, pools));
    return taskId;
  }

  private void start(String taskId, TaskInput input) {
    WorkflowOptions.Builder options = WorkflowOptions.newBuilder()
        .setWorkflowId(taskId)
        .setTaskQueue(TaskQueues.CONTROL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setMemo(Map.of(TaskReader.MEMO_GOAL, input.goal(), TaskReader.MEMO_PIPELINE, input.pipelineName()));
    if (searchAttributes) {
      options.setTypedSearchAttributes(SearchAttributes.newBuilder()
          .set(TaskSearchAttributes.STATE, TaskState.PLANNING.name())
          .set(TaskSearchAttributes.PIPELINE, input.pipelineName())
          .build());
    }
    TaskWorkflow workflow = client.newWorkflowStub(TaskWorkflow.class, options.build());
    try {
      WorkflowClient.start(workflow::run, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw Status.ALREADY_EXISTS.withDescription("a task with id '" + taskId + "' already exists")
          .asRuntimeException();
    }
  }
}

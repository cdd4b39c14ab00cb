package io.nightshift.api;

import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.task.CarriedSteps;
import io.nightshift.workflows.task.ForkPoint;
import io.nightshift.workflows.task.TaskCarry;
import io.nightshift.workflows.task.TaskDefinition;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskPolicies;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.replan.KeptSteps;
import io.nightshift.workflows.task.replan.PlanVersion;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ForkTask: a new task that runs a task's current plan again from one of its steps, with some params changed. Which
 * steps keep their results is decided as replanning decides it ({@link KeptSteps}: succeeded, identical in the new
 * plan, every need kept), with {@code from_step} counted as not succeeded, so it and everything that depends on it
 * run again; the kept steps reach the new task the way a task's steps reach its next run on continue-as-new, as a
 * {@link TaskCarry}. The new task has the labels the request gives, else the source's. The task workflow itself is unchanged: it starts from a carry as it always did, without
 * planning, so a fork issues the same commands as a continued task and needs no version marker.
 */
final class TaskForker {
  private final WorkflowClient client;
  private final TaskReader reader;
  private final TaskSubmitter submitter;

  TaskForker(WorkflowClient client, TaskReader reader, TaskSubmitter submitter) {
    this.client = client;
    this.reader = reader;
    this.submitter = submitter;
  }

  ForkTaskResponse fork(ForkTaskRequest request, TenantScope scope) {
    if (request.getTaskId().isBlank()) {
      throw ApiErrors.invalid("task_id", "task_id is required: the task to fork");
    }
    if (request.getFromStep().isBlank()) {
      throw ApiErrors.invalid("from_step", "from_step is required: the step to run again from");
    }
    String newId = TaskSubmitter.newTaskId("new_task_id", request.getNewTaskId());
    SortedMap<String, String> asked = TaskLabels.checked("labels", request.getLabelsMap());
    String sourceId = request.getTaskId();
    // NOT_FOUND for an unknown task and for another tenant's, before anything
    WorkflowExecutionInfo described = reader.describe(sourceId, scope);
    SortedMap<String, String> labels = !asked.isEmpty() ? asked
        : new TreeMap<>(TaskLabels.fromMemo(described.getMemo().getFieldsMap(), reader.converter()));
    ForkPoint point = forkPoint(sourceId);
    Plan source = point.plan().orElseThrow(() -> ApiErrors.failedPrecondition("task '" + sourceId
        + "' has no plan yet (its plan is still being made); fork it once GetTask shows its steps"));
    Map<String, String> overrides = request.getParamsMap();
    for (String name : new TreeSet<>(overrides.keySet())) {
      if (!source.params().containsKey(name)) {
        throw ApiErrors.invalid("params." + name, "the pipeline of task '" + sourceId + "' declares no parameter '"
            + BoundedText.quoted(name) + "'; declared: " + String.join(", ", new TreeSet<>(source.params().keySet())));
      }
    }
    TaskDefinition was = point.definition();
    Map<String, String> params = new HashMap<>(was.params());
    params.putAll(overrides);
    TaskPolicies policies = point.policies();
    Plan next = capped(policies, nextPlan(sourceId, was, source, params, !overrides.isEmpty()));
    String fromStep = request.getFromStep();
    if (next.steps().stream().noneMatch(s -> s.name().equals(fromStep))) {
      throw ApiErrors.invalid("from_step", "task '" + sourceId + "' has no step '" + BoundedText.quoted(fromStep)
          + "'; its steps: " + String.join(", ", names(next)));
    }
    // from_step counts as not succeeded, so KeptSteps runs it again and, through their needs, all it leads to
    Map<String, StepState> states = new HashMap<>(point.steps().states());
    states.remove(fromStep);
    Set<String> kept = KeptSteps.of(source, states, next);
    long now = System.currentTimeMillis();
    TaskInput.Builder builder = TaskInput.builder(newId, was.goal()).pipeline(was.pipelineName(), was.pipelineYaml())
        .params(params).depth(was.depth());
    policies.replan().ifPresent(builder::replan);
    policies.agentCeiling().ifPresent(builder::agentCeiling);
    policies.budget().ifPresent(builder::budget);
    PlanVersion first = new PlanVersion(1, origin(next, was), "forked from task '" + sourceId + "' at step '"
        + fromStep + "'", null, names(next), List.copyOf(kept), now);
    // runs 0: the fork has had no run yet; its first continue-as-new counts it as run 1
    // no timeline: the fork's own starts at sequence 1
    TaskCarry carry = new TaskCarry(next, List.of(first), carried(point.steps(), kept), now, 0, false, null,
        Optional.empty(), Optional.empty(), Optional.empty());
    submitter.startFork(scope.tenantOfNewTasks(), labels, Map.of(TaskReader.MEMO_FORKED_FROM, sourceId,
        TaskReader.MEMO_FORKED_FROM_STEP, fromStep), submitter.configured(builder).continuedWith(carry));
    return ForkTaskResponse.newBuilder().setTaskId(newId).addAllKeptSteps(kept)
        .addAllRerunSteps(names(next).stream().filter(n -> !kept.contains(n)).toList()).build();
  }

  private ForkPoint forkPoint(String taskId) {
    ForkPoint point;
    try {
      point = client.newWorkflowStub(TaskWorkflow.class, taskId).forkPoint();
    } catch (WorkflowException e) {
      throw ApiErrors.unavailable("task '" + taskId + "' could not be asked where it stands (no worker answered, or"
          + " Temporal did not); retry later");
    }
    if (point == null) {
      throw ApiErrors.failedPrecondition("task '" + taskId + "' has not started yet; fork it once GetTask shows"
          + " its steps");
    }
    return point;
  }

  /**
   * The plan the fork runs: a declarative first plan is planned again from its pipeline with the new params, so
   * every step that quotes one changes; a plan the planner model wrote (a goal's plan, or any revision) has its
   * values written into its steps and runs as it is, so it takes no overrides.
   */
  private Plan nextPlan(String sourceId, TaskDefinition was, Plan source, Map<String, String> params,
      boolean overridden) {
    if (was.pipelineYaml() == null || source.version() > 1) {
      if (overridden) {
        throw ApiErrors.failedPrecondition("plan v" + source.version() + " of task '" + sourceId + "' was written by"
            + " the planner model, which wrote the parameters' values into its steps; fork it without params");
      }
      return new Plan(source.pipeline(), 1, source.params(), source.steps(), source.placement(), source.origin());
    }
    try {
      return submitter.planner().plan(new PlanRequest(was.goal(), was.pipelineYaml(), params, was.depth()));
    } catch (InvalidPipelineException e) {
      throw ApiErrors.invalidPipeline("params", e.problems());
    }
  }

  /** The plan with the task's agent ceiling applied, as the task applies it to the plan it runs. */
  private static Plan capped(TaskPolicies policies, Plan plan) {
    return policies.agentCeiling().map(c -> c.cap(plan)).orElse(plan);
  }

  /**
   * The kept steps' states, outputs and summaries; what they cost and when they ran stay with the source, which ran
   * them.
   */
  private static CarriedSteps carried(CarriedSteps source, Set<String> kept) {
    Map<String, StepState> states = new LinkedHashMap<>();
    Map<String, io.nightshift.core.artifact.ArtifactRef> outputs = new LinkedHashMap<>();
    Map<String, String> summaries = new LinkedHashMap<>();
    for (String step : kept) {
      states.put(step, StepState.SUCCEEDED);
      Optional.ofNullable(source.outputs().get(step)).ifPresent(o -> outputs.put(step, o));
      Optional.ofNullable(source.summaries().get(step)).ifPresent(s -> summaries.put(step, s));
    }
    return new CarriedSteps(states, outputs, summaries, Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static String origin(Plan plan, TaskDefinition was) {
    return plan.origin() != null ? plan.origin() : was.pipelineYaml() != null ? "declarative" : null;
  }

  private static List<String> names(Plan plan) {
    return plan.steps().stream().map(PlannedStep::name).toList();
  }
}

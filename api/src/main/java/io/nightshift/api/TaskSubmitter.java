package io.nightshift.api;

import io.grpc.Status;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.planners.routing.RoutingPlanner;
import io.nightshift.runtime.models.PlannerSettings;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.logging.TaskLogContext;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Checks a submission completely before anything starts (the same planner the workflow will run), then starts
 * the task workflow. A bad pipeline is INVALID_ARGUMENT naming step and field; nothing is started for it. A goal
 * without a pipeline is accepted when the runtime has a planner model (the task plans it, since a model's plan
 * takes seconds to minutes and may need repairs); without one it is INVALID_ARGUMENT saying how to configure one.
 *
 * <p>The task belongs to the submitter's tenant, recorded in its memo (what every read checks) and in the tenant
 * search attribute (what listing asks for). Task ids are one space for all tenants, since they are workflow ids in
 * one namespace: an id another tenant already used is ALREADY_EXISTS with the same message as one's own, which tells
 * that the id is taken and nothing else about that task.
 *
 * <p>Labels are checked at the edge ({@link TaskLabels}) and kept in the memo and the NightshiftLabels search
 * attribute; an idempotency key makes the id one derived from tenant and key, so a repeat is told apart by Temporal
 * itself ({@link IdempotentSubmits}).
 */
final class TaskSubmitter {
  private static final Logger log = LoggerFactory.getLogger(TaskSubmitter.class);
  /** The pipeline name goal-only tasks show until their plan names itself. */
  static final String GOAL_PIPELINE = "llm-plan";
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
  private final WorkflowClient client;
  private final Planner planner;
  private final PipelineCatalog catalog;
  private final int maxParallelSteps;
  /** Read at each submit: the attributes may be registered while the API runs (Temporal down at start). */
  private final BooleanSupplier searchAttributes;
  private final List<String> pools;
  private final Optional<PlannerSettings> plannerModel;

  /**
   * @param pools        the accelerator pools steps with {@code requires} may be placed on
   * @param plannerModel the models file's {@code planner:} section; empty when the runtime has no planner model
   */
  TaskSubmitter(WorkflowClient client, Planner planner, PipelineCatalog catalog, int maxParallelSteps,
      boolean searchAttributes, List<String> pools, Optional<PlannerSettings> plannerModel) {
    this(client, planner, catalog, maxParallelSteps, () -> searchAttributes, pools, plannerModel);
  }

  TaskSubmitter(WorkflowClient client, Planner planner, PipelineCatalog catalog, int maxParallelSteps,
      BooleanSupplier searchAttributes, List<String> pools, Optional<PlannerSettings> plannerModel) {
    this.pools = List.copyOf(pools);
    this.plannerModel = plannerModel;
    this.client = client;
    this.planner = planner;
    this.catalog = catalog;
    this.maxParallelSteps = maxParallelSteps;
    this.searchAttributes = searchAttributes;
  }

  /** The pipelines a submission may name. */
  PipelineCatalog catalog() {
    return catalog;
  }

  /** Whether tasks are started with Nightshift's search attributes now (the namespace has them). */
  boolean searchAttributes() {
    return searchAttributes.getAsBoolean();
  }

  /**
   * Starts the task, or answers the id of the one a repeat of the same keyed submit started.
   *
   * @param idempotencyKey empty for none ({@link IdempotentSubmits})
   */
  String submit(TaskSpec spec, String requestedId, String idempotencyKey, TenantScope scope) {
    String tenant = scope.tenantOfNewTasks();
    Optional<IdempotentSubmits.Keyed> keyed = idempotencyKey.isEmpty() ? Optional.empty()
        : Optional.of(IdempotentSubmits.checked(idempotencyKey, requestedId, spec));
    String taskId = keyed.map(k -> IdempotentSubmits.taskId(tenant, k.key()))
        .orElse(requestedId.isEmpty() ? "task-" + UUID.randomUUID() : requestedId);
    Submission submission = new Submission(taskId, tenant, TaskLabels.checked("spec.labels", spec.getLabelsMap()),
        keyed);
    checkTaskId("task_id", taskId, requestedId);
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
            + BoundedText.quoted(spec.getPipelineName()) + "'; known: " + String.join(", ", catalog.names())));
      }
      default -> {
        return submitGoal(spec, submission);
      }
    }
    TaskInput.Builder input = TaskInput.builder(taskId, spec.getGoal());
    policies(spec, false, input);
    Map<String, String> params = spec.getParamsMap();
    String name;
    try {
      name = planner.plan(PlanRequest.submitted(spec.getGoal(), yaml, params)).pipeline();
    } catch (InvalidPipelineException e) {
      throw ApiErrors.invalidPipeline(field, e.problems());
    }
    if (pipelineName != null) {
      name = pipelineName;
    }
    return start(submission, input.pipeline(name, yaml).params(params));
  }

  /**
   * The id of a task about to start that has no idempotency key: the one asked for, checked (INVALID_ARGUMENT on
   * {@code field}), or a new one when none was.
   */
  static String newTaskId(String field, String requestedId) {
    String taskId = requestedId.isEmpty() ? "task-" + UUID.randomUUID() : requestedId;
    checkTaskId(field, taskId, requestedId);
    return taskId;
  }

  private static void checkTaskId(String field, String taskId, String requestedId) {
    if (!TASK_ID.matcher(taskId).matches()) {
      throw ApiErrors.invalid(field, field + " must be 1-128 letters, digits, '-' or '_', starting with a"
          + " letter or digit; was '" + BoundedText.quoted(requestedId) + "'");
    }
  }

  /** The planner a submission is checked with: the one the task's workflow plans with. */
  Planner planner() {
    return planner;
  }

  /** A goal and no pipeline: the task's planning activity asks the planner model. */
  private String submitGoal(TaskSpec spec, Submission submission) {
    if (spec.getGoal().isBlank()) {
      throw ApiErrors.invalid("spec.pipeline", "give a pipeline (pipeline_yaml or pipeline_name), or a goal for the"
          + " planner model");
    }
    if (plannerModel.isEmpty()) {
      throw ApiErrors.invalid("spec.pipeline", "no pipeline was given and this runtime has no planner model to plan"
          + " the goal: give pipeline_yaml or pipeline_name, or " + RoutingPlanner.HOW_TO_CONFIGURE);
    }
    TaskInput.Builder input = TaskInput.builder(submission.taskId(), spec.getGoal());
    policies(spec, true, input);
    return start(submission, input.pipeline(GOAL_PIPELINE, null).params(spec.getParamsMap()));
  }

  /** The spec's replan policy, agent ceiling and task budget, checked; each left out where the spec sets none. */
  private void policies(TaskSpec spec, boolean goalOnly, TaskInput.Builder input) {
    replanPolicy(spec, goalOnly).ifPresent(input::replan);
    AgentCeilings.of(spec).ifPresent(input::agentCeiling);
    TaskBudgets.of(spec).ifPresent(input::budget);
  }

  /**
   * The spec's replan policy; unset, the planner model's default for goal-only tasks and none for pipelines (their
   * authors expect them to run as written, so a model rewriting one is opt-in).
   */
  private Optional<ReplanPolicy> replanPolicy(TaskSpec spec, boolean goalOnly) {
    if (!spec.hasReplan()) {
      return goalOnly ? plannerModel.map(PlannerSettings::replan) : Optional.empty();
    }
    int max = spec.getReplan().getMaxVersions();
    if (max < 1 || max > ReplanPolicy.MAX_VERSIONS_LIMIT) {
      throw ApiErrors.invalid("spec.replan.max_versions", "max_versions must be in [1, "
          + ReplanPolicy.MAX_VERSIONS_LIMIT + "] (1 = never replan), was " + max);
    }
    if (max > 1 && plannerModel.isEmpty()) {
      throw ApiErrors.invalid("spec.replan", "replanning needs a planner model and this runtime has none; "
          + RoutingPlanner.HOW_TO_CONFIGURE + ", or leave replan unset");
    }
    return max == 1 ? Optional.empty() : Optional.of(new ReplanPolicy(max, spec.getReplan().getApprovalRequired()));
  }

  /**
   * Who submits which task, with what the task records beside its input.
   *
   * @param labels  checked, in key order
   * @param keyed   the idempotency key and spec digest, where the submit has a key
   * @param lineage memo entries of a fork (its source task and step); empty for a submission
   */
  private record Submission(String taskId, String tenant, SortedMap<String, String> labels,
      Optional<IdempotentSubmits.Keyed> keyed, Map<String, String> lineage) {
    Submission(String taskId, String tenant, SortedMap<String, String> labels,
        Optional<IdempotentSubmits.Keyed> keyed) {
      this(taskId, tenant, labels, keyed, Map.of());
    }

    Map<String, Object> memo(String goal, String pipeline) {
      Map<String, Object> memo = new HashMap<>(lineage);
      memo.putAll(Map.of(TaskReader.MEMO_GOAL, goal, TaskReader.MEMO_PIPELINE, pipeline,
          TenantScope.MEMO_TENANT, tenant));
      if (!labels.isEmpty()) {
        memo.put(TaskLabels.MEMO_LABELS, labels);
      }
      keyed.ifPresent(k -> memo.putAll(k.memo()));
      return memo;
    }
  }

  private String start(Submission submission, TaskInput.Builder builder) {
    return start(submission, configured(builder));
  }

  /** {@code builder}'s input with this runtime's engine settings: parallel steps, search attributes, pools. */
  TaskInput configured(TaskInput.Builder builder) {
    return builder.maxParallelSteps(maxParallelSteps).searchAttributes(searchAttributes.getAsBoolean()).pools(pools)
        .build();
  }

  /**
   * Starts a fork ({@link TaskForker}): {@code input}, already checked and carrying the kept steps, as a task of
   * {@code tenant}, with its labels and its source in the memo.
   *
   * @throws io.grpc.StatusRuntimeException ALREADY_EXISTS when the task id is taken
   */
  void startFork(String tenant, SortedMap<String, String> labels, Map<String, String> lineage, TaskInput input) {
    start(new Submission(input.definition().taskId(), tenant, labels, Optional.empty(), lineage), input);
  }

  /** @return the task's id: the one started, or for a repeated keyed submit the one its first submit started */
  private String start(Submission submission, TaskInput input) {
    String taskId = submission.taskId();
    boolean searchAttributes = input.settings().useSearchAttributes();
    String pipeline = input.definition().pipelineName();
    WorkflowOptions.Builder options = WorkflowOptions.newBuilder()
        .setWorkflowId(taskId)
        .setTaskQueue(TaskQueues.CONTROL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setMemo(submission.memo(input.definition().goal(), pipeline));
    if (searchAttributes) {
      SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
          .set(TaskSearchAttributes.STATE, TaskState.PLANNING.name())
          .set(TaskSearchAttributes.PIPELINE, pipeline)
          .set(TaskSearchAttributes.TENANT, submission.tenant());
      if (!submission.labels().isEmpty()) {
        attributes.set(TaskSearchAttributes.LABELS, TaskLabels.searchValues(submission.labels()));
      }
      options.setTypedSearchAttributes(attributes.build());
    }
    TaskWorkflow workflow = client.newWorkflowStub(TaskWorkflow.class, options.build());
    // the id travels to the workflow in its start header as well (TaskLogPropagator)
    try (MDC.MDCCloseable logged = MDC.putCloseable(TaskLogContext.TASK_ID, taskId)) {
      WorkflowClient.start(workflow::run, input);
      log.info("submitted: pipeline '{}'", pipeline);
    } catch (WorkflowExecutionAlreadyStarted e) {
      if (submission.keyed().isPresent()) {
        log.info("repeated submit with the same idempotency key answered with the task it started");
        return IdempotentSubmits.repeated(client, taskId, submission.tenant(), submission.keyed().get());
      }
      throw Status.ALREADY_EXISTS.withDescription("a task with id '" + taskId + "' already exists")
          .asRuntimeException();
    }
    return taskId;
  }
}

package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.workflows.activities.PlanningActivities;
import io.nightshift.workflows.activities.StepInput;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.dag.DagScheduler;
import io.nightshift.workflows.dag.StepState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the task, then runs its DAG: every ready step starts (up to the parallel window), a step starts only
 * after all it needs succeeded, each step is one activity. When a step fails for good no new step starts, the
 * running ones finish (their results are kept), and the task fails naming the step.
 */
public final class TaskWorkflowImpl implements TaskWorkflow {
  private final PlanningActivities planning = Workflow.newActivityStub(PlanningActivities.class,
      ActivityPolicies.planning());
  private final io.nightshift.workflows.activities.StepActivities steps =
      Workflow.newActivityStub(io.nightshift.workflows.activities.StepActivities.class, ActivityPolicies.steps());
  private ProgressBook book;
  private TaskInput input;

  @Override
  public TaskResult run(TaskInput input) {
    this.input = input;
    this.book = new ProgressBook(input, Workflow.currentTimeMillis());
    publishState(TaskState.PLANNING);
    Plan plan = plan();
    Map<String, List<String>> deps = new LinkedHashMap<>();
    plan.steps().forEach(s -> deps.put(s.name(), s.needs()));
    DagScheduler dag = new DagScheduler(deps);
    book.planned(plan, dag, Workflow.currentTimeMillis());
    publishState(TaskState.RUNNING);
    try {
      String failure = execute(plan, dag);
      if (failure != null) {
        throw end(TaskState.FAILED, null, failure);
      }
    } catch (CanceledFailure e) {
      dag.stopRemaining(StepState.CANCELLED, true);
      end(TaskState.CANCELLED, null, "cancelled");
      throw e;
    }
    ArtifactRef result = book.outputs().get(plan.steps().get(plan.steps().size() - 1).name());
    end(TaskState.SUCCEEDED, result, null);
    return new TaskResult(result, book.outputs());
  }

  @Override
  public TaskProgress progress() {
    return book == null ? null : book.snapshot();
  }

  private Plan plan() {
    try {
      return planning.plan(new PlanRequest(input.goal(), input.pipelineYaml(), input.params()));
    } catch (ActivityFailure e) {
      throw end(TaskState.FAILED, null, "planning failed: " + FailureMessages.of(e));
    }
  }

  /** Runs the DAG to the end; returns the first permanent failure, or null when every step succeeded. */
  private String execute(Plan plan, DagScheduler dag) {
    Map<String, Promise<StepOutput>> running = new LinkedHashMap<>();
    String failure = null;
    while (true) {
      if (failure == null) {
        for (String name : dag.ready()) {
          if (running.size() >= input.maxParallelSteps()) {
            break;
          }
          running.put(name, start(plan.step(name), dag));
        }
      }
      if (running.isEmpty()) {
        break;
      }
      Promise.anyOf(new ArrayList<>(running.values())).handle((v, e) -> null).get();
      for (String name : List.copyOf(running.keySet())) {
        Promise<StepOutput> p = running.get(name);
        if (!p.isCompleted()) {
          continue;
        }
        running.remove(name);
        String error = collect(name, p, dag);
        if (error != null && failure == null) {
          failure = "step '" + name + "' failed: " + error;
        }
      }
    }
    if (failure != null) {
      dag.stopRemaining(StepState.SKIPPED, false);
    }
    return failure;
  }

  private Promise<StepOutput> start(PlannedStep step, DagScheduler dag) {
    dag.started(step.name());
    book.stepStarted(step.name(), Workflow.currentTimeMillis());
    Map<String, String> params = new LinkedHashMap<>();
    step.params().forEach((k, v) -> params.put(k, StepReferences.resolve(v, book.outputs())));
    String key = input.taskId() + "/" + step.name();
    return Async.function(steps::runStep, new StepInput(input.taskId(), step.name(), step.tool(), params, key));
  }

  private String collect(String name, Promise<StepOutput> p, DagScheduler dag) {
    try {
      StepOutput out = p.get();
      dag.succeeded(name);
      book.stepSucceeded(name, out.output(), out.summary(), out.attempt(), Workflow.currentTimeMillis());
      return null;
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure c) {
        throw c;
      }
      String message = FailureMessages.of(e);
      dag.failed(name);
      book.stepFailed(name, message, Workflow.currentTimeMillis());
      return message;
    }
  }

  private ApplicationFailure end(TaskState state, ArtifactRef result, String error) {
    book.ended(state, result, error, Workflow.currentTimeMillis());
    Workflow.newDetachedCancellationScope(() -> publishState(state)).run();
    return error == null ? null : ApplicationFailure.newNonRetryableFailure(error, "TaskFailed");
  }

  private void publishState(TaskState state) {
    if (input.useSearchAttributes()) {
      Workflow.upsertTypedSearchAttributes(TaskSearchAttributes.STATE.valueSet(state.name()),
          TaskSearchAttributes.PIPELINE.valueSet(input.pipelineName()));
    }
  }

}

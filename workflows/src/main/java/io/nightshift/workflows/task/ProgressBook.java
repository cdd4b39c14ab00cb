package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.dag.DagScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task's record of itself: state, step outputs, summaries, errors, attempts and times. Pure Java held in
 * workflow state; the progress query reads a snapshot of it. Step states come from the {@link DagScheduler}
 * so there is one source of truth for them.
 */
final class ProgressBook {
  private final TaskInput input;
  private final long createdAt;
  private TaskState state = TaskState.PLANNING;
  private Plan plan;
  private DagScheduler dag;
  private final Map<String, ArtifactRef> outputs = new LinkedHashMap<>();
  private final Map<String, String> summaries = new HashMap<>();
  private final Map<String, String> errors = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private ArtifactRef result;
  private String error;
  private long updatedAt;
  private long endedAt;

  ProgressBook(TaskInput input, long now) {
    this.input = input;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void planned(Plan plan, DagScheduler dag, long now) {
    this.plan = plan;
    this.dag = dag;
    this.state = TaskState.RUNNING;
    this.updatedAt = now;
  }

  void stepStarted(String step, long now) {
    attempts.put(step, 1);
    updatedAt = now;
  }

  void stepSucceeded(String step, ArtifactRef output, String summary, int attempt, long now) {
    attempts.put(step, attempt);
    outputs.put(step, output);
    summaries.put(step, summary);
    updatedAt = now;
  }

  void stepFailed(String step, String message, long now) {
    errors.put(step, message);
    updatedAt = now;
  }

  void ended(TaskState finalState, ArtifactRef result, String error, long now) {
    this.state = finalState;
    this.result = result;
    this.error = error;
    this.updatedAt = now;
    this.endedAt = now;
  }

  TaskState state() {
    return state;
  }

  Map<String, ArtifactRef> outputs() {
    return outputs;
  }

  TaskProgress snapshot() {
    List<StepStatus> steps = new ArrayList<>();
    if (plan != null) {
      for (PlannedStep s : plan.steps()) {
        steps.add(new StepStatus(s.name(), s.tool(), dag.state(s.name()), s.needs(), outputs.get(s.name()),
            summaries.get(s.name()), errors.get(s.name()), attempts.getOrDefault(s.name(), 0)));
      }
    }
    return new TaskProgress(input.taskId(), input.goal(), input.pipelineName(), state, steps, result, error,
        createdAt, updatedAt, endedAt);
  }
}

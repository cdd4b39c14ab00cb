package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;

/**
 * The answer to the progress query: enough for a task view, and never large (outputs are references).
 * Times are workflow time in epoch milliseconds; 0 when not yet reached.
 *
 * @param awaiting  steps waiting for a person's decision, with what they wait for
 * @param decisions every decision made on this task, in order
 */
public record TaskProgress(String taskId, String goal, String pipeline, TaskState state, List<StepStatus> steps,
    ArtifactRef result, String error, long createdAtMillis, long updatedAtMillis, long endedAtMillis,
    java.util.Map<String, String> awaiting, List<Decision> decisions) {
  public TaskProgress {
    steps = List.copyOf(steps);
    awaiting = awaiting == null ? java.util.Map.of() : java.util.Map.copyOf(awaiting);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }
}

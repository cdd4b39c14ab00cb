package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;

/**
 * The answer to the progress query: enough for a task view, and never large (outputs are references).
 * Times are workflow time in epoch milliseconds; 0 when not yet reached.
 */
public record TaskProgress(String taskId, String goal, String pipeline, TaskState state, List<StepStatus> steps,
    ArtifactRef result, String error, long createdAtMillis, long updatedAtMillis, long endedAtMillis) {
  public TaskProgress {
    steps = List.copyOf(steps);
  }
}

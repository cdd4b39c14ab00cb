package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful task returns.
 *
 * @param result  the final output: the output of the plan's last step
 * @param outputs every step's output by step name
 * @param spent   the task budget's final figures, so a parent task running this one as a pipeline step can settle
 *                what it spent; empty for a task without a task budget (and in results recorded before this field)
 */
public record TaskResult(ArtifactRef result, Map<String, ArtifactRef> outputs, Optional<TaskBudgetStatus> spent) {
  public TaskResult {
    outputs = Map.copyOf(outputs);
    spent = spent == null ? Optional.empty() : spent;
  }
}

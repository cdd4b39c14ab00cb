package io.nightshift.workflows.task.replan;

import java.util.List;

/**
 * One version of a task's plan, as the task records it.
 *
 * @param version         1 for the first plan
 * @param origin          who made it ({@code declarative}, {@code llm:<endpoint>}), null when unknown
 * @param reason          why it was made: the first plan of the task, or the failure it revises
 * @param failedStep      the step of the previous version whose failure led to it, null for v1
 * @param steps           its step names, in plan order
 * @param kept            steps that kept the previous version's results (identical and already succeeded)
 * @param createdAtMillis workflow time it was made
 */
public record PlanVersion(int version, String origin, String reason, String failedStep, List<String> steps,
    List<String> kept, long createdAtMillis) {
  public PlanVersion {
    steps = List.copyOf(steps == null ? List.of() : steps);
    kept = List.copyOf(kept == null ? List.of() : kept);
  }
}

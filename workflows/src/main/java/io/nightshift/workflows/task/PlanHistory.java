package io.nightshift.workflows.task;

import io.nightshift.workflows.task.replan.PlanVersion;
import java.util.List;

/**
 * A task's plans.
 *
 * @param planVersion  the version of the plan the steps belong to (0 before the first plan)
 * @param planVersions every plan version, with who made it and why
 */
public record PlanHistory(int planVersion, List<PlanVersion> planVersions) {
  public PlanHistory {
    planVersions = List.copyOf(planVersions == null ? List.of() : planVersions);
  }
}

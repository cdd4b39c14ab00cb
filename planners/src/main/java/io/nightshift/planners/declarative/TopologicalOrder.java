package io.nightshift.planners.declarative;

import io.nightshift.core.pipeline.PlannedStep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders acyclic steps so each comes after everything it needs, keeping file order among equals. */
final class TopologicalOrder {
  private TopologicalOrder() {}

  static List<PlannedStep> of(Map<String, PlannedStep> steps) {
    Set<String> placed = new LinkedHashSet<>();
    List<PlannedStep> order = new ArrayList<>();
    while (order.size() < steps.size()) {
      for (PlannedStep step : steps.values()) {
        if (!placed.contains(step.name()) && placed.containsAll(step.needs())) {
          placed.add(step.name());
          order.add(step);
        }
      }
    }
    return order;
  }
}

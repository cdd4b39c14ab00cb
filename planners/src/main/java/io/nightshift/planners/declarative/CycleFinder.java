package io.nightshift.planners.declarative;

import io.nightshift.core.pipeline.PlannedStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds one dependency cycle, as the path of step names that closes it (first name repeated at the end). */
final class CycleFinder {
  private enum Mark { VISITING, DONE }

  private final Map<String, PlannedStep> steps;
  private final Map<String, Mark> marks = new HashMap<>();
  private final List<String> path = new ArrayList<>();

  CycleFinder(Map<String, PlannedStep> steps) {
    this.steps = steps;
  }

  List<String> find() {
    for (String name : steps.keySet()) {
      List<String> cycle = visit(name);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private List<String> visit(String name) {
    Mark mark = marks.get(name);
    if (mark == Mark.DONE) {
      return List.of();
    }
    if (mark == Mark.VISITING) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      return cycle;
    }
    marks.put(name, Mark.VISITING);
    path.add(name);
    for (String need : steps.get(name).needs()) {
      if (steps.containsKey(need)) {
        List<String> cycle = visit(need);
        if (!cycle.isEmpty()) {
          return cycle;
        }
      }
    }
    path.remove(path.size() - 1);
    marks.put(name, Mark.DONE);
    return List.of();
  }
}

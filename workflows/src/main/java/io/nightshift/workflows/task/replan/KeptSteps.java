package io.nightshift.workflows.task.replan;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.dag.StepState;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which steps of a revised plan keep their earlier results: those that already succeeded under the same name and
 * are identical in the new plan (kind, tool, params, needs, agent settings, child pipeline, map settings), and
 * whose every need is kept too, since a step fed by a rerun step sees different input even when its text is the
 * same. Plain Java, deterministic (plan order).
 */
public final class KeptSteps {
  private KeptSteps() {}

  public static Set<String> of(Plan old, Map<String, StepState> oldStates, Plan next) {
    Set<String> kept = new LinkedHashSet<>();
    for (PlannedStep step : next.steps()) {
      PlannedStep before = old.steps().stream().filter(s -> s.name().equals(step.name())).findFirst().orElse(null);
      if (before != null && oldStates.get(step.name()) == StepState.SUCCEEDED && same(before, step)
          && kept.containsAll(step.needs())) {
        kept.add(step.name());
      }
    }
    return kept;
  }

  private static boolean same(PlannedStep a, PlannedStep b) {
    return a.kind() == b.kind() && Objects.equals(a.tool(), b.tool()) && a.params().equals(b.params())
        && Set.copyOf(a.needs()).equals(Set.copyOf(b.needs())) && Objects.equals(a.agent(), b.agent())
        && Objects.equals(a.pipeline(), b.pipeline()) && Objects.equals(a.map(), b.map())
        && a.waitMillis() == b.waitMillis();
  }
}

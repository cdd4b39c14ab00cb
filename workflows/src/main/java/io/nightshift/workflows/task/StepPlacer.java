package io.nightshift.workflows.task;

import io.nightshift.core.accelerator.placement.Placement;
import io.nightshift.core.accelerator.placement.PlacementDecision;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.accelerator.placement.StepRequirements;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.StepActivities;
import io.nightshift.workflows.activities.StepInput;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.backends.FleetSnapshot;
import io.nightshift.workflows.backends.PoolInventories;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a step that {@code requires} accelerators on the pool placement chooses: inventory of every pool (an
 * activity on each pool's own queue), the deterministic {@link Placement} under the task's policy, then the tool
 * on that pool's queue. A pool where the step fails for any reason but bad input is treated as an open circuit
 * for this step and the step fails over to the next eligible pool; bad input fails at once, since it would fail
 * anywhere. Records where the step ran, the unit-seconds it held and their cost.
 */
final class StepPlacer {
  private final TaskInput task;
  private final PlacementPolicy policy;

  StepPlacer(TaskInput task, PlacementPolicy policy) {
    this.task = task;
    this.policy = policy;
  }

  /** Call from a workflow thread of its own (Async): it blocks on inventory and on the step. */
  StepOutput run(PlannedStep step, StepInput input) {
    StepRequirements needs = step.requires().toStepRequirements();
    Set<String> failed = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    while (true) {
      Choice choice = choose(step, needs, failed, failures);
      ActivityOptions options = ActivityOptions.newBuilder(ActivityPolicies.steps(step.policy()))
          .setTaskQueue(BackendQueues.forPool(choice.pool().poolId())).build();
      long start = Workflow.currentTimeMillis();
      try {
        StepOutput out = Workflow.newActivityStub(StepActivities.class, options).runStep(input);
        double unitSeconds = (Workflow.currentTimeMillis() - start) / 1000.0 * needs.units();
        return out.placed(choice.pool().poolId(), choice.reason(), unitSeconds,
            unitSeconds / 3600.0 * choice.pool().pricePerUnitHour());
      } catch (ActivityFailure e) {
        if (e.getCause() instanceof ApplicationFailure af
            && StepActivities.TOOL_INPUT_ERROR.equals(af.getType())) {
          throw e;
        }
        failed.add(choice.pool().poolId());
        failures.add(choice.pool().poolId() + ": " + FailureMessages.of(e));
      }
    }
  }

  /** The pool a whole map step runs on (a map is placed once; its chunks then stay there). */
  String choosePool(PlannedStep step) {
    return choose(step, step.requires().toStepRequirements(), Set.of(), List.of()).pool().poolId();
  }

  private record Choice(PoolView pool, String reason) {}

  private Choice choose(PlannedStep step, StepRequirements needs, Set<String> failed, List<String> failures) {
    FleetSnapshot fleet = PoolInventories.collect(task.pools());
    List<PoolView> views = fleet.views().stream()
        .map(v -> failed.contains(v.poolId()) ? v.withCircuitOpen(true) : v).toList();
    PlacementDecision d = Placement.place(views, needs, policy, Optional.empty());
    if (d.pool().isEmpty()) {
      String history = failures.isEmpty() ? "" : "; it failed on " + String.join("; ", failures);
      String silent = fleet.unreachable().isEmpty() ? "" : "; not answering: " + fleet.unreachable();
      throw ApplicationFailure.newNonRetryableFailure("no pool can run step '" + step.name() + "': " + d.reason()
          + history + silent, "NoEligiblePool");
    }
    PoolView pool = views.stream().filter(v -> v.poolId().equals(d.pool().get())).findFirst().orElseThrow();
    return new Choice(pool, failures.isEmpty() ? d.reason() : d.reason() + " after " + String.join("; ", failures));
  }
}

package io.nightshift.workflows.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.payload.UnwrappedRecords;
import io.nightshift.workflows.task.timeline.StepClock;
import java.util.List;
import java.util.Optional;

/**
 * One step as the progress query reports it (in JSON, {@code outcome}'s fields stand beside the others).
 *
 * @param name     the step's name
 * @param kind     its kind in lower case ({@code tool}, {@code map}, {@code wait}, {@code pipeline}, {@code agent});
 *                 null from workers older than this field
 * @param tool     the tool it calls, for tool and map steps
 * @param needs    the steps it needs
 * @param state    where it stands
 * @param attempts how often it was tried
 * @param outcome  what it produced, said or failed with
 * @param run      where it ran and at what cost; empty where it ran nowhere special (the control workers)
 * @param clock    when it started and ended, its attempts and a map's items; empty before it started, and from
 *                 workers older than step times
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record StepStatus(String name, String kind, String tool, List<String> needs, StepState state, int attempts,
    @JsonUnwrapped StepOutcome outcome, Optional<StepRun> run, Optional<StepClock> clock) {
  public StepStatus {
    needs = List.copyOf(needs);
    run = run == null ? Optional.empty() : run;
    clock = clock == null ? Optional.empty() : clock;
  }

  /** A step without times (as workers before step times reported it). */
  public StepStatus(String name, String kind, String tool, List<String> needs, StepState state, int attempts,
      StepOutcome outcome, Optional<StepRun> run) {
    this(name, kind, tool, needs, state, attempts, outcome, run, Optional.empty());
  }
}

package io.nightshift.workflows.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.payload.UnwrappedRecords;
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
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record StepStatus(String name, String kind, String tool, List<String> needs, StepState state, int attempts,
    @JsonUnwrapped StepOutcome outcome, Optional<StepRun> run) {
  public StepStatus {
    needs = List.copyOf(needs);
    run = run == null ? Optional.empty() : run;
  }
}

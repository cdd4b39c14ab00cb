package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.task.timeline.StepClock;
import java.util.Map;

/**
 * What the steps of a task's plan left behind, by step name, for its next run: where each stands, and what those
 * that ran produced (outputs by reference), said, failed with, how often they were tried, where they ran and
 * their times ({@code clocks}: empty in carries written before step times).
 */
public record CarriedSteps(Map<String, StepState> states, Map<String, ArtifactRef> outputs,
    Map<String, String> summaries, Map<String, String> errors, Map<String, Integer> attempts,
    Map<String, StepRun> stepRuns, Map<String, StepClock> clocks) {
  public CarriedSteps {
    states = Map.copyOf(states == null ? Map.of() : states);
    outputs = Map.copyOf(outputs == null ? Map.of() : outputs);
    summaries = Map.copyOf(summaries == null ? Map.of() : summaries);
    errors = Map.copyOf(errors == null ? Map.of() : errors);
    attempts = Map.copyOf(attempts == null ? Map.of() : attempts);
    stepRuns = Map.copyOf(stepRuns == null ? Map.of() : stepRuns);
    clocks = Map.copyOf(clocks == null ? Map.of() : clocks);
  }
}

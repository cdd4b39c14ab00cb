package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.dag.StepState;
import java.util.List;

/**
 * One step as the progress query reports it; {@code run} says where it ran and at what cost (null if nowhere
 * special); {@code kind} is the step's kind in lower case ({@code tool}, {@code map}, {@code wait},
 * {@code pipeline}, {@code agent}), null from workers older than this field.
 */
public record StepStatus(String name, String tool, StepState state, List<String> needs, ArtifactRef output,
    String summary, String error, int attempts, StepRun run, String kind) {
  public StepStatus {
    needs = List.copyOf(needs);
  }
}

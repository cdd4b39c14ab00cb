package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.dag.StepState;
import java.util.List;

/** One step as the progress query reports it. */
public record StepStatus(String name, String tool, StepState state, List<String> needs, ArtifactRef output,
    String summary, String error, int attempts) {
  public StepStatus {
    needs = List.copyOf(needs);
  }
}

package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Map;

/**
 * What a successful task returns.
 *
 * @param result  the final output: the output of the plan's last step
 * @param outputs every step's output by step name
 */
public record TaskResult(ArtifactRef result, Map<String, ArtifactRef> outputs) {
  public TaskResult {
    outputs = Map.copyOf(outputs);
  }
}

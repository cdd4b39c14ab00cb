package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Objects;

/**
 * @param delta   the tool-result message, stored as a transcript delta
 * @param ok      false when the tool refused or failed (the result tells the model why)
 * @param summary one short line for progress views
 */
public record AgentToolOutput(ArtifactRef delta, boolean ok, String summary) {
  public AgentToolOutput {
    Objects.requireNonNull(delta, "delta");
    summary = summary == null ? "" : summary;
  }
}

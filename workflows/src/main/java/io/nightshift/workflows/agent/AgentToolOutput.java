package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Objects;
import java.util.Optional;

/**
 * @param delta    the tool-result message, stored as a transcript delta
 * @param ok       false when the tool refused or failed (the result tells the model why)
 * @param summary  one short line for progress views
 * @param nextTool the tool the model must call next, as the tool said ({@code ToolOutput#nextTool}); empty (null in
 *                 JSON, as in histories recorded before) when it said nothing
 */
public record AgentToolOutput(ArtifactRef delta, boolean ok, String summary, Optional<String> nextTool) {
  public AgentToolOutput {
    Objects.requireNonNull(delta, "delta");
    summary = summary == null ? "" : summary;
    nextTool = nextTool == null ? Optional.empty() : nextTool;
  }

  public AgentToolOutput(ArtifactRef delta, boolean ok, String summary) {
    this(delta, ok, summary, Optional.empty());
  }
}

package io.nightshift.core.tool;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Objects;

/**
 * The result of a tool call.
 *
 * @param artifact the output content, by reference
 * @param summary  one short line for humans (counts, a headline figure); never the content itself
 */
public record ToolOutput(ArtifactRef artifact, String summary) {
  public ToolOutput {
    Objects.requireNonNull(artifact, "artifact");
    summary = summary == null ? "" : summary;
  }
}

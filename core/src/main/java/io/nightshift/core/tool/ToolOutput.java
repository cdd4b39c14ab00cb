package io.nightshift.core.tool;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a tool call.
 *
 * @param artifact the output content, by reference
 * @param summary  one short line for humans (counts, a headline figure); never the content itself
 * @param nextTool in an agent step, the tool the model must call in its very next turn (sent to the endpoint as
 *                 OpenAI's named {@code tool_choice}, which local servers enforce with a grammar; the model still
 *                 writes the arguments). A directive of the tool's own code, for tools that script a procedure
 *                 (a workflow's next form, a benchmark's scripted step); the agent forces it only when the step
 *                 allows that tool, and ignores it elsewhere (pipeline steps have no next model turn)
 */
public record ToolOutput(ArtifactRef artifact, String summary, Optional<String> nextTool) {
  public ToolOutput {
    Objects.requireNonNull(artifact, "artifact");
    summary = summary == null ? "" : summary;
    nextTool = nextTool == null ? Optional.empty() : nextTool;
    nextTool.filter(name -> !name.matches(ToolDescriptor.NAME_PATTERN)).ifPresent(name -> {
      throw new IllegalArgumentException("nextTool must be a tool name (dotted lower-case words), was " + name);
    });
  }

  public ToolOutput(ArtifactRef artifact, String summary) {
    this(artifact, summary, Optional.empty());
  }

  /** This output, asking the agent's model to call {@code toolName} next. */
  public ToolOutput withNextTool(String toolName) {
    return new ToolOutput(artifact, summary, Optional.of(toolName));
  }
}

package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Objects;
import java.util.Optional;

/**
 * @param delta        the tool-result message, stored as a transcript delta
 * @param ok           false when the tool refused or failed (the result tells the model why)
 * @param summary      one short line for progress views
 * @param nextTool     the tool the model must call next, as the tool said ({@code ToolOutput#nextTool}); empty (null
 *                     in JSON, as in histories recorded before) when it said nothing
 * @param resultDigest the identity of the text the model is shown ({@link ToolCallKey#ofResult}), by which the loop
 *                     guard knows a call returned the same result again; empty (null in JSON) from activities that
 *                     did not say, whose results then never count as the same
 */
public record AgentToolOutput(ArtifactRef delta, boolean ok, String summary, Optional<String> nextTool,
    Optional<String> resultDigest) {
  public AgentToolOutput {
    Objects.requireNonNull(delta, "delta");
    summary = summary == null ? "" : summary;
    nextTool = nextTool == null ? Optional.empty() : nextTool;
    resultDigest = resultDigest == null ? Optional.empty() : resultDigest;
  }

  public AgentToolOutput(ArtifactRef delta, boolean ok, String summary) {
    this(delta, ok, summary, Optional.empty(), Optional.empty());
  }

  /** A result whose text was {@code text}: its digest is taken from it. */
  public static AgentToolOutput of(ArtifactRef delta, boolean ok, String summary, String text) {
    return new AgentToolOutput(delta, ok, summary, Optional.empty(), Optional.of(ToolCallKey.ofResult(text)));
  }

  /** The same result, whose tool asked for {@code tool} to be called next (empty: for nothing). */
  public AgentToolOutput withNextTool(Optional<String> tool) {
    return new AgentToolOutput(delta, ok, summary, tool, resultDigest);
  }
}

package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one model call produced, by reference.
 *
 * @param transcript     the new transcript index, ending with the model's answer
 * @param answer         the answer text (text/plain) when the model asked for no tools, else null
 * @param toolCalls      the tool calls asked for, in order
 * @param inputTokens    prompt tokens, as the endpoint reported
 * @param outputTokens   answer tokens, as the endpoint reported
 * @param usageReported  false when the endpoint sent no usage (the counts are then 0)
 * @param cost           the call's price by the endpoint's price basis
 * @param endpoint       the endpoint that answered (the asked one, or a fallback when its circuit was open); null
 *                       in histories recorded before calls said so
 */
public record ModelTurnOutput(ArtifactRef transcript, ArtifactRef answer, List<AgentToolCall> toolCalls,
    long inputTokens, long outputTokens, boolean usageReported, BigDecimal cost, String endpoint) {
  public ModelTurnOutput {
    Objects.requireNonNull(transcript, "transcript");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    cost = cost == null ? BigDecimal.ZERO : cost;
  }

  public boolean wantsTools() {
    return !toolCalls.isEmpty();
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }
}

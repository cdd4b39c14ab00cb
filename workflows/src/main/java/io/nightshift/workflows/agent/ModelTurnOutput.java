package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param context        the prompt against the context window; empty when the call was not measured (null in JSON)
 */
public record ModelTurnOutput(ArtifactRef transcript, ArtifactRef answer, List<AgentToolCall> toolCalls,
    long inputTokens, long outputTokens, boolean usageReported, BigDecimal cost, String endpoint,
    Optional<ContextUse> context) {
  public ModelTurnOutput {
    context = context == null ? Optional.empty() : context;
    Objects.requireNonNull(transcript, "transcript");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    cost = cost == null ? BigDecimal.ZERO : cost;
  }

  /** A call made without measuring the prompt (as before context management). */
  public ModelTurnOutput(ArtifactRef transcript, ArtifactRef answer, List<AgentToolCall> toolCalls, long inputTokens,
      long outputTokens, boolean usageReported, BigDecimal cost, String endpoint) {
    this(transcript, answer, toolCalls, inputTokens, outputTokens, usageReported, cost, endpoint, Optional.empty());
  }

  /** No call was made: the conversation ({@code transcript}, with what was to be appended) must be compacted first. */
  public static ModelTurnOutput overflowed(ArtifactRef transcript, int promptTokens, int window) {
    return new ModelTurnOutput(transcript, null, List.of(), 0, 0, false, BigDecimal.ZERO, null,
        Optional.of(new ContextUse(promptTokens, window, 0, true)));
  }

  public boolean overflowed() {
    return context.map(ContextUse::overflowed).orElse(false);
  }

  public boolean wantsTools() {
    return !toolCalls.isEmpty();
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }
}

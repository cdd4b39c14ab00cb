package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model call. Its size does not grow with the conversation: the transcript is one reference.
 *
 * @param agentId         for logs
 * @param turn            1-based number of this call
 * @param endpoint        model endpoint id
 * @param transcript      the transcript index so far; null before the first call
 * @param append          what to append before calling (tool results, guidance, on the first call the
 *                        instructions and the task), in order
 * @param tools           the tools to offer the model (the agent's allow-list)
 * @param maxOutputTokens cap on the answer
 * @param fallbacks       endpoints serving the same model, in order, to use when {@code endpoint}'s circuit breaker
 *                        is open (and only then: any other failure is retried on {@code endpoint}, whose KV cache
 *                        holds the conversation)
 * @param context         how to keep the prompt inside the endpoint's context window; empty (null in JSON, as in
 *                        histories recorded before) sends the whole transcript unmeasured
 * @param requiredTool    the tool the model must call in this turn (one of {@code tools}), because a tool's result
 *                        asked for it ({@link PendingEntry#requiredTool}); empty (null in JSON, as in histories
 *                        recorded before) lets the model choose
 */
public record ModelTurnInput(String agentId, int turn, String endpoint, ArtifactRef transcript,
    List<PendingEntry> append, List<String> tools, int maxOutputTokens, List<String> fallbacks,
    Optional<ContextPolicy> context, Optional<String> requiredTool) {
  public ModelTurnInput {
    context = context == null ? Optional.empty() : context;
    requiredTool = requiredTool == null ? Optional.empty() : requiredTool;
    Objects.requireNonNull(endpoint, "endpoint");
    append = List.copyOf(append);
    tools = List.copyOf(tools);
    fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    if (requiredTool.isPresent() && !tools.contains(requiredTool.get())) {
      throw new IllegalArgumentException("requiredTool '" + requiredTool.get() + "' is not one of the tools offered: "
          + tools);
    }
  }

  /** A call that lets the model choose among {@code tools}. */
  public ModelTurnInput(String agentId, int turn, String endpoint, ArtifactRef transcript,
      List<PendingEntry> append, List<String> tools, int maxOutputTokens, List<String> fallbacks,
      Optional<ContextPolicy> context) {
    this(agentId, turn, endpoint, transcript, append, tools, maxOutputTokens, fallbacks, context, Optional.empty());
  }
}

package io.nightshift.core.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * How an agent keeps its conversation inside the model's context window: the {@code context:} block of an agent step
 * (and of the models file's planner settings, for the agent steps the planner plans).
 *
 * @param strategy        what to do when the conversation would not fit: summarise older turns, leave them out of
 *                        view, or fail
 * @param keepLastTurns   the most recent turns (a model answer with its tool results) always shown verbatim
 * @param summaryEndpoint the endpoint that writes compaction summaries; empty: the step's own endpoint
 * @param reserveTokens   room kept for the answer; empty: the step's {@code max_output_tokens}
 */
public record ContextSettings(Strategy strategy, int keepLastTurns, Optional<String> summaryEndpoint,
    Optional<Integer> reserveTokens) {
  public enum Strategy {
    /** Summarise the older turns in a durable step of its own, keeping the last ones verbatim. */
    COMPACT,
    /** Leave the oldest turns out of what the model sees (the transcript keeps them). */
    WINDOW,
    /** Fail the step, naming the window and the prompt's size. */
    FAIL
  }

  public static final int DEFAULT_KEEP_LAST_TURNS = 4;
  public static final int MAX_KEEP_LAST_TURNS = 1000;
  /** What an agent step gets when its pipeline sets no {@code context:}. */
  public static final ContextSettings DEFAULTS = new ContextSettings(Strategy.COMPACT, DEFAULT_KEEP_LAST_TURNS,
      Optional.empty(), Optional.empty());

  public ContextSettings {
    Objects.requireNonNull(strategy, "strategy");
    summaryEndpoint = summaryEndpoint == null ? Optional.empty() : summaryEndpoint;
    reserveTokens = reserveTokens == null ? Optional.empty() : reserveTokens;
    if (keepLastTurns < 1 || keepLastTurns > MAX_KEEP_LAST_TURNS) {
      throw new IllegalArgumentException("keepLastTurns must be in [1, " + MAX_KEEP_LAST_TURNS + "] but was "
          + keepLastTurns);
    }
    reserveTokens.filter(r -> r <= 0).ifPresent(r -> {
      throw new IllegalArgumentException("reserveTokens must be greater than 0 but was " + r);
    });
  }

  /** The room kept for the answer: {@code reserveTokens}, or the step's cap on an answer. */
  public int reserveOr(int maxOutputTokens) {
    return reserveTokens.orElse(maxOutputTokens);
  }
}

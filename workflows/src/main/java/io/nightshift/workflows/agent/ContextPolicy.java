package io.nightshift.workflows.agent;

import io.nightshift.core.pipeline.ContextSettings;
import java.util.Objects;

/**
 * How one model call keeps the conversation inside the endpoint's context window: the step's settings resolved for
 * this call.
 *
 * @param strategy      compact, window or fail
 * @param keepLastTurns turns a compaction keeps verbatim
 * @param reserveTokens room kept for the answer
 * @param mayCompact    false on the call right after a compaction: a conversation that still does not fit is then
 *                      windowed (or fails), never compacted again in the same turn
 */
public record ContextPolicy(ContextSettings.Strategy strategy, int keepLastTurns, int reserveTokens,
    boolean mayCompact) {
  public ContextPolicy {
    Objects.requireNonNull(strategy, "strategy");
    if (keepLastTurns < 1) {
      throw new IllegalArgumentException("keepLastTurns must be greater than 0 but was " + keepLastTurns);
    }
    if (reserveTokens < 1) {
      throw new IllegalArgumentException("reserveTokens must be greater than 0 but was " + reserveTokens);
    }
  }

  public static ContextPolicy of(ContextSettings settings, int maxOutputTokens) {
    return new ContextPolicy(settings.strategy(), settings.keepLastTurns(), settings.reserveOr(maxOutputTokens), true);
  }

  /** The same policy for the call after a compaction. */
  public ContextPolicy afterCompaction() {
    return new ContextPolicy(strategy, keepLastTurns, reserveTokens, false);
  }
}

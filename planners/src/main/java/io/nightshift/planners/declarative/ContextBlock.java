package io.nightshift.planners.declarative;

import io.nightshift.config.ConfigNode;
import io.nightshift.core.pipeline.ContextSettings;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code context:} block, of an agent step or of the models file's planner settings:
 * {@code {strategy: compact | window | fail, keep_last_turns: N, summary_endpoint: ID, reserve_tokens: N}}, every key
 * optional. Unknown keys and values out of range are problems naming the key.
 */
public final class ContextBlock {
  public static final Set<String> KEYS = Set.of("strategy", "keep_last_turns", "summary_endpoint", "reserve_tokens");
  /** Larger than any window we serve: a bigger reserve is a typo. */
  static final int MAX_RESERVE_TOKENS = 1_000_000;

  private ContextBlock() {}

  /** The settings, {@link ContextSettings#DEFAULTS} when the block is absent or has problems (reported on it). */
  public static ContextSettings read(ConfigNode node) {
    if (!node.isPresent() || !node.keys(KEYS).isMapping()) {
      return ContextSettings.DEFAULTS; // a value that is not a mapping is reported by keys()
    }
    ContextSettings.Strategy strategy = node.get("strategy").enumValue(ContextSettings.Strategy.class,
        ContextSettings.DEFAULTS.strategy());
    int keep = node.get("keep_last_turns").integer(1, ContextSettings.MAX_KEEP_LAST_TURNS,
        ContextSettings.DEFAULT_KEEP_LAST_TURNS);
    ConfigNode summary = node.get("summary_endpoint");
    Optional<String> summaryEndpoint = summary.string().filter(s -> !s.isBlank());
    if (summary.isPresent() && summaryEndpoint.isEmpty()) {
      summary.problem("must name a model endpoint");
    }
    ConfigNode reserve = node.get("reserve_tokens");
    int reserveTokens = reserve.integer(1, MAX_RESERVE_TOKENS, 0);
    return node.build(() -> new ContextSettings(strategy, keep, summaryEndpoint,
        reserveTokens > 0 ? Optional.of(reserveTokens) : Optional.empty())).orElse(ContextSettings.DEFAULTS);
  }
}

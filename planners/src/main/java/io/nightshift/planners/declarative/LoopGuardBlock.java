package io.nightshift.planners.declarative;

import io.nightshift.config.ConfigNode;
import io.nightshift.core.pipeline.LoopGuardSettings;
import java.util.Set;

/**
 * Reads a {@code loop_guard:} block, of an agent step or of the models file's planner settings:
 * {@code {max_repeats: N, max_consecutive_failures: M}}, each key optional (its default when absent), 0 switching
 * that bound off. Unknown keys and values out of range are problems naming the key.
 */
public final class LoopGuardBlock {
  public static final Set<String> KEYS = Set.of("max_repeats", "max_consecutive_failures");

  private LoopGuardBlock() {}

  /** The settings, {@link LoopGuardSettings#DEFAULTS} when the block is absent or has problems (reported on it). */
  public static LoopGuardSettings read(ConfigNode node) {
    if (!node.isPresent() || !node.keys(KEYS).isMapping()) {
      return LoopGuardSettings.DEFAULTS; // a value that is not a mapping is reported by keys()
    }
    int repeats = node.get("max_repeats").integer(0, LoopGuardSettings.MAX_BOUND,
        LoopGuardSettings.DEFAULTS.maxRepeats());
    int failures = node.get("max_consecutive_failures").integer(0, LoopGuardSettings.MAX_BOUND,
        LoopGuardSettings.DEFAULTS.maxConsecutiveFailures());
    return node.build(() -> new LoopGuardSettings(repeats, failures)).orElse(LoopGuardSettings.DEFAULTS);
  }
}

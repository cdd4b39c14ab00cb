package io.nightshift.bench.cluster;

import java.util.EnumMap;
import java.util.Map;

/**
 * The soak's task accounting, per kind of pipeline: every task the API accepted ends up completed, failed, still
 * running when the soak stopped waiting, or unknown to the store; the last is "lost" and must stay 0.
 */
public final class SoakTally {
  /** What became of one accepted task at the end. */
  public enum Fate { COMPLETED, FAILED, RUNNING, UNKNOWN }

  private final Map<SoakMix.Kind, int[]> counts = new EnumMap<>(SoakMix.Kind.class);
  private final Map<SoakMix.Kind, Integer> submitted = new EnumMap<>(SoakMix.Kind.class);

  /** A task of this kind the API accepted. */
  public void accepted(SoakMix.Kind kind) {
    submitted.merge(kind, 1, Integer::sum);
  }

  public void ended(SoakMix.Kind kind, Fate fate) {
    counts.computeIfAbsent(kind, k -> new int[Fate.values().length])[fate.ordinal()]++;
  }

  public int submitted() {
    return submitted.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int submitted(SoakMix.Kind kind) {
    return submitted.getOrDefault(kind, 0);
  }

  public int count(Fate fate) {
    return counts.values().stream().mapToInt(c -> c[fate.ordinal()]).sum();
  }

  public int count(SoakMix.Kind kind, Fate fate) {
    int[] c = counts.get(kind);
    return c == null ? 0 : c[fate.ordinal()];
  }

  /**
   * Accepted tasks not accounted as completed, failed or still running: the store does not know them, or they
   * were never given a fate at all.
   */
  public int lost() {
    return submitted() - count(Fate.COMPLETED) - count(Fate.FAILED) - count(Fate.RUNNING);
  }
}

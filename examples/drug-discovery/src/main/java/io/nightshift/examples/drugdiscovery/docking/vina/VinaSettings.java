package io.nightshift.examples.drugdiscovery.docking.vina;

import java.time.Duration;

/**
 * How one Vina run searches. Vina's time grows about linearly with {@code exhaustiveness} (independent Monte Carlo
 * runs) and falls with {@code cpu} (threads running them); a fixed {@code seed} makes a molecule's result the same
 * on every run, so a retried chunk reproduces its numbers.
 *
 * @param exhaustiveness Monte Carlo runs (Vina's default 8)
 * @param cpu            threads Vina may use
 * @param seed           random seed passed to Vina
 * @param numModes       poses Vina writes (the best one is scored)
 * @param timeout        limit per Vina run; a molecule that takes longer is recorded as failed
 */
public record VinaSettings(int exhaustiveness, int cpu, long seed, int numModes, Duration timeout) {
  public VinaSettings {
    if (exhaustiveness < 1 || exhaustiveness > 64) {
      throw new IllegalArgumentException("exhaustiveness must be between 1 and 64, was " + exhaustiveness);
    }
    if (cpu < 1 || cpu > 256) {
      throw new IllegalArgumentException("cpu must be between 1 and 256, was " + cpu);
    }
    if (numModes < 1 || numModes > 20) {
      throw new IllegalArgumentException("numModes must be between 1 and 20, was " + numModes);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** Vina's own default search (exhaustiveness 8) on two threads, seed 1. */
  public static VinaSettings standard() {
    return new VinaSettings(8, 2, 1, 3, Duration.ofMinutes(20));
  }

  public VinaSettings withExhaustiveness(int value) {
    return new VinaSettings(value, cpu, seed, numModes, timeout);
  }

  public VinaSettings withCpu(int value) {
    return new VinaSettings(exhaustiveness, value, seed, numModes, timeout);
  }
}

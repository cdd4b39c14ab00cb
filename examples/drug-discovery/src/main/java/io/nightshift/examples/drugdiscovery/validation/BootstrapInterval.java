package io.nightshift.examples.drugdiscovery.validation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap interval of a screening metric, stratified: each resample draws the actives from the actives
 * and the decoys from the decoys, with replacement, so every resample keeps the set's active fraction (an
 * unstratified resample can hold no active at all). The same percentile method and seeded {@link SplittableRandom}
 * as core's {@code stats.bootstrap}, which lives in the tools module this example may not depend on.
 */
public record BootstrapInterval(double estimate, double lower, double upper) {
  public static BootstrapInterval of(double[] scores, boolean[] active,
      ToDoubleBiFunction<double[], boolean[]> metric, int resamples, double confidence, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, was " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must lie strictly between 0 and 1, was " + confidence);
    }
    double[] activeScores = pick(scores, active, true);
    double[] decoyScores = pick(scores, active, false);
    boolean[] labels = new boolean[scores.length];
    Arrays.fill(labels, 0, activeScores.length, true);
    SplittableRandom random = new SplittableRandom(seed);
    double[] sample = new double[scores.length];
    double[] values = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < activeScores.length; i++) {
        sample[i] = activeScores[random.nextInt(activeScores.length)];
      }
      for (int i = 0; i < decoyScores.length; i++) {
        sample[activeScores.length + i] = decoyScores[random.nextInt(decoyScores.length)];
      }
      values[r] = metric.applyAsDouble(sample, labels);
    }
    Arrays.sort(values);
    double tail = (1 - confidence) / 2;
    return new BootstrapInterval(metric.applyAsDouble(scores, active), quantile(values, tail),
        quantile(values, 1 - tail));
  }

  /** Linear interpolation between order statistics of sorted values (type 7, as R and NumPy default to). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] pick(double[] scores, boolean[] active, boolean which) {
    return IntStream.range(0, scores.length).filter(i -> active[i] == which)
        .mapToDouble(i -> scores[i]).toArray();
  }
}

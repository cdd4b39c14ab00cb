package io.nightshift.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Summary of the heap left after each collection over a run: what the worker really keeps (its working set plus
 * old garbage a young collection leaves), not how far the collector lets garbage pile up. A heap that grows with
 * the work shows as a rising slope (least squares over time) and a maximum far above the median.
 *
 * @param samples     collections seen
 * @param maxBytes    largest heap left after a collection
 * @param medianBytes median of those
 * @param slopeMibPerMinute least-squares slope of heap after GC against time; 0 with fewer than two samples
 * @param maxAtMillis when the largest one was left (the sampler's clock, as {@link Sample#atMillis}), to tell a
 *                    transient peak at one stage from a heap that fills up
 */
public record HeapTrend(int samples, long maxBytes, long medianBytes, double slopeMibPerMinute, long maxAtMillis) {
  /** One collection: when it ended (ms since the sampler started) and the heap left in use. */
  public record Sample(long atMillis, long usedAfterBytes) {}

  public static HeapTrend of(List<Sample> samples) {
    if (samples.isEmpty()) {
      return new HeapTrend(0, 0, 0, 0, 0);
    }
    List<Double> used = new ArrayList<>();
    Sample max = samples.get(0);
    for (Sample s : samples) {
      used.add((double) s.usedAfterBytes());
      if (s.usedAfterBytes() > max.usedAfterBytes()) {
        max = s;
      }
    }
    return new HeapTrend(samples.size(), max.usedAfterBytes(), Math.round(Stats.median(used)), slope(samples),
        max.atMillis());
  }

  /** Least-squares slope in MiB per minute. */
  static double slope(List<Sample> samples) {
    int n = samples.size();
    if (n < 2) {
      return 0;
    }
    double mx = samples.stream().mapToDouble(s -> s.atMillis() / 60_000.0).average().orElse(0);
    double my = samples.stream().mapToDouble(s -> s.usedAfterBytes() / 1048576.0).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (Sample s : samples) {
      double dx = s.atMillis() / 60_000.0 - mx;
      sxy += dx * (s.usedAfterBytes() / 1048576.0 - my);
      sxx += dx * dx;
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }

  /** "max 61 MiB, median 40 MiB, slope +0.3 MiB/min over 12 collections" */
  public String describe() {
    return String.format(Locale.ROOT, "max %d MiB, median %d MiB, slope %+.1f MiB/min over %d collections",
        maxBytes >> 20, medianBytes >> 20, slopeMibPerMinute, samples);
  }
}

package io.nightshift.bench.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a set of measurements: always one of the values measured, never an interpolation. */
public final class Percentiles {
  private final List<Long> sorted;

  public Percentiles(Collection<Long> values) {
    this.sorted = new ArrayList<>(values);
    Collections.sort(this.sorted);
  }

  public int count() {
    return sorted.size();
  }

  /** The smallest value with at least {@code p} percent of the values at or below it. */
  public long at(double p) {
    if (sorted.isEmpty()) {
      throw new IllegalStateException("no values measured");
    }
    if (!(p > 0) || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(1, rank) - 1);
  }
}

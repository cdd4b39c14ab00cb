package io.nightshift.examples.drugdiscovery.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume indicator (Zitzler and Thiele 1998): the volume of the part of the unit cube that a set of
 * points dominates. Points are given as "goodness" per objective, already normalised so that 0 is the reference
 * (worst) bound and 1 the best bound; values outside are clamped to [0, 1], so the result is a fraction of the cube
 * from 0 (nothing) to 1 (a point at the best bound in every objective). Dominated points add nothing, so any set
 * may be passed, not just its front.
 *
 * <p>Computed by slicing along the last objective (exact; O(n^k) at worst, fine for the fronts and few hundred
 * points of a campaign round).
 */
public final class Hypervolume {
  private Hypervolume() {}

  /** @param goodness one row per point, larger is better, all rows the same length (at least one objective) */
  public static double of(List<double[]> goodness) {
    if (goodness.isEmpty()) {
      return 0;
    }
    int dimensions = goodness.get(0).length;
    List<double[]> clamped = new ArrayList<>();
    for (double[] p : goodness) {
      if (p.length != dimensions || dimensions == 0) {
        throw new IllegalArgumentException("every point needs the same number (at least one) of objectives");
      }
      double[] c = new double[dimensions];
      for (int k = 0; k < dimensions; k++) {
        if (Double.isNaN(p[k])) {
          throw new IllegalArgumentException("objective values must be numbers, got NaN");
        }
        c[k] = Math.max(0, Math.min(1, p[k]));
      }
      clamped.add(c);
    }
    return slice(clamped, dimensions);
  }

  /** Volume dominated in the first {@code d} objectives. */
  private static double slice(List<double[]> points, int d) {
    if (d == 1) {
      return points.stream().mapToDouble(p -> p[0]).max().orElse(0);
    }
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble((double[] p) -> p[d - 1]).reversed());
    double volume = 0;
    for (int i = 0; i < sorted.size(); i++) {
      double top = sorted.get(i)[d - 1];
      double bottom = i + 1 < sorted.size() ? sorted.get(i + 1)[d - 1] : 0;
      if (top > bottom) {
        // between these two levels of the last objective, the first i+1 points reach up to at least 'top'
        volume += slice(sorted.subList(0, i + 1), d - 1) * (top - bottom);
      }
    }
    return volume;
  }
}

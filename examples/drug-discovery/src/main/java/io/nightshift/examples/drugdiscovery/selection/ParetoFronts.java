package io.nightshift.examples.drugdiscovery.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Non-dominated sorting (Deb et al., IEEE Trans. Evol. Comput. 6 (2002) 182) and the crowding distance inside a
 * front. Every objective is minimised: a caller negates the ones it wants large. Point a dominates b when it is no
 * worse in every objective and better in at least one; front 0 holds the points nothing dominates, front 1 those
 * dominated only by front 0, and so on. Pure functions of the values, so the result does not depend on input order
 * beyond the indexes it returns.
 */
public final class ParetoFronts {
  private ParetoFronts() {}

  /**
   * @param points one row of objective values per point (all rows the same length, at least one objective)
   * @return the front of each point, 0 for the non-dominated
   */
  public static int[] fronts(List<double[]> points) {
    int n = points.size();
    checkShape(points);
    List<List<Integer>> dominates = new ArrayList<>();
    int[] dominatedBy = new int[n];
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dominates(points.get(i), points.get(j))) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (dominates(points.get(j), points.get(i))) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    int[] front = new int[n];
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedBy[i] == 0) {
        current.add(i);
      }
    }
    for (int level = 0; !current.isEmpty(); level++) {
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        front[i] = level;
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            next.add(j);
          }
        }
      }
      current = next;
    }
    return front;
  }

  /** Whether {@code a} is no worse than {@code b} in every objective and strictly better in one. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      better |= a[k] < b[k];
    }
    return better;
  }

  /**
   * NSGA-II's crowding distance of each member of one front: per objective, the gap between its two neighbours
   * divided by the front's range, summed; the extremes of each objective get infinity, so they are kept first.
   *
   * @param members indexes into {@code points} of one front's members
   * @return the distance of each member, in the order of {@code members}
   */
  public static double[] crowding(List<double[]> points, List<Integer> members) {
    int m = members.size();
    double[] distance = new double[m];
    if (m == 0) {
      return distance;
    }
    int objectives = points.get(members.get(0)).length;
    for (int k = 0; k < objectives; k++) {
      final int objective = k;
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      // ties by position, so equal values do not make the result depend on the sort's stability
      Arrays.sort(order, (x, y) -> {
        int c = Double.compare(points.get(members.get(x))[objective], points.get(members.get(y))[objective]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      double lo = points.get(members.get(order[0]))[k];
      double hi = points.get(members.get(order[m - 1]))[k];
      distance[order[0]] = Double.POSITIVE_INFINITY;
      distance[order[m - 1]] = Double.POSITIVE_INFINITY;
      if (hi - lo <= 0) {
        continue;
      }
      for (int i = 1; i < m - 1; i++) {
        double gap = points.get(members.get(order[i + 1]))[k] - points.get(members.get(order[i - 1]))[k];
        distance[order[i]] += gap / (hi - lo);
      }
    }
    return distance;
  }

  private static void checkShape(List<double[]> points) {
    for (double[] p : points) {
      if (p.length == 0 || p.length != points.get(0).length) {
        throw new IllegalArgumentException("every point needs the same number (at least one) of objectives");
      }
      for (double v : p) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("objective values must be numbers, got NaN");
        }
      }
    }
  }
}

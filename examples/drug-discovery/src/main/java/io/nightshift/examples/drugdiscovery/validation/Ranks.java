package io.nightshift.examples.drugdiscovery.validation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Fractional ranks: 1 for the lowest score, tied scores share the mean of their ranks (as Mann-Whitney needs). */
final class Ranks {
  private Ranks() {}

  static double[] ascending(double[] scores) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double[] ranks = new double[scores.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && Double.compare(scores[order[end + 1]], scores[order[start]]) == 0) {
        end++;
      }
      double mean = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = mean;
      }
      start = end + 1;
    }
    return ranks;
  }
}

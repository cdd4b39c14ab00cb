package io.nightshift.tools.table;

import java.util.Arrays;
import java.util.Locale;

/** Plain descriptive statistics over a column of numbers. */
final class Statistics {
  private Statistics() {}

  static double mean(double[] xs) {
    return Arrays.stream(xs).average().orElse(Double.NaN);
  }

  static double median(double[] xs) {
    return quantile(xs, 0.5);
  }

  /** Linear interpolation between order statistics (type 7, as R and NumPy default to). */
  static double quantile(double[] xs, double q) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  static double stdev(double[] xs) {
    if (xs.length < 2) {
      return 0;
    }
    double m = mean(xs);
    double ss = Arrays.stream(xs).map(x -> (x - m) * (x - m)).sum();
    return Math.sqrt(ss / (xs.length - 1));
  }

  static String format(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
  }
}

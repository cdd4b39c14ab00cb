package io.nightshift.bench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and spread of repeated timings: the build machine is shared, so single runs mean little. */
public final class Stats {
  private Stats() {}

  public static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** "median (min-max, n=k)" */
  public static String describe(List<Double> xs, String format) {
    return String.format(Locale.ROOT, format + " (" + format + "-" + format + ", n=%d)", median(xs),
        Collections.min(xs), Collections.max(xs), xs.size());
  }
}

package io.nightshift.accelerators.simulated;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a simulated lease tells the work run on it, the way a real lease tells a process its devices
 * ({@code CUDA_VISIBLE_DEVICES}): which virtual devices it holds, how fast they work together, the per-job latency
 * and how much faster than real time the simulation runs. A tool that stands in for accelerated work reads them
 * here to know how long a job of some size holds its units.
 */
public final class SimulatedWork {
  public static final String DEVICES = "NIGHTSHIFT_SIMULATED_DEVICES";
  public static final String WORK_PER_SECOND = "NIGHTSHIFT_SIMULATED_WORK_PER_SECOND";
  public static final String LATENCY_SECONDS = "NIGHTSHIFT_SIMULATED_LATENCY_SECONDS";
  public static final String TIME_SCALE = "NIGHTSHIFT_SIMULATED_TIME_SCALE";

  private SimulatedWork() {}

  /** The environment of a lease on {@code devices} that together complete {@code workPerSecond} units per second. */
  static Map<String, String> environment(List<String> devices, double workPerSecond, Duration latency,
      double timeScale) {
    return Map.of(DEVICES, String.join(",", devices),
        WORK_PER_SECOND, String.format(Locale.ROOT, "%.9g", workPerSecond),
        LATENCY_SECONDS, String.format(Locale.ROOT, "%.9g", latency.toNanos() / 1e9),
        TIME_SCALE, String.format(Locale.ROOT, "%.9g", timeScale));
  }

  /**
   * How long, in real time, a job of {@code work} units holds the leased units: (latency + work / speed) / scale.
   *
   * @throws IllegalArgumentException when the environment is not a simulated lease's, or work is negative
   */
  public static Duration realDuration(Map<String, String> leaseEnvironment, double work) {
    if (!(work >= 0) || Double.isInfinite(work)) {
      throw new IllegalArgumentException("work must be a finite number >= 0, was " + work);
    }
    double rate = positive(leaseEnvironment, WORK_PER_SECOND);
    double scale = positive(leaseEnvironment, TIME_SCALE);
    double latency = number(leaseEnvironment, LATENCY_SECONDS);
    return Duration.ofNanos(Math.round((latency + work / rate) / scale * 1e9));
  }

  private static double positive(Map<String, String> env, String name) {
    double v = number(env, name);
    if (!(v > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, was " + v);
    }
    return v;
  }

  private static double number(Map<String, String> env, String name) {
    String text = env.get(name);
    if (text == null) {
      throw new IllegalArgumentException("not a simulated lease: " + name + " is not set");
    }
    try {
      double v = Double.parseDouble(text);
      if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
        throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + text, e);
    }
  }
}

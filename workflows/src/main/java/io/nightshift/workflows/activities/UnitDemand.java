package io.nightshift.workflows.activities;

/**
 * The accelerator units a step call must hold on its pool while it runs, and what orders it among the work
 * waiting there.
 *
 * @param units           units held at once; 0 for a call that holds none (steps on the control workers)
 * @param priority        higher starts first among work waiting for the pool
 * @param estimateSeconds how long the step expects to hold them, 0 when it declares no estimate; lets the pool
 *                        start long work first and backfill short work around a blocked large request
 * @param runLimitMillis  how long the call may run once it holds its units, 0 for no limit of its own; the pool's
 *                        worker keeps it, since the call's Temporal timeout also covers its wait at the pool
 */
public record UnitDemand(int units, int priority, long estimateSeconds, long runLimitMillis) {
  private static final UnitDemand NONE = new UnitDemand(0, 0, 0, 0);

  public UnitDemand {
    if (units < 0) {
      throw new IllegalArgumentException("units must be >= 0, was " + units);
    }
    if (runLimitMillis < 0) {
      throw new IllegalArgumentException("runLimitMillis must be >= 0, was " + runLimitMillis);
    }
    if (estimateSeconds < 0) {
      throw new IllegalArgumentException("estimateSeconds must be >= 0, was " + estimateSeconds);
    }
  }

  /** Holds nothing: the call runs as soon as a worker takes it. */
  public static UnitDemand none() {
    return NONE;
  }

  public boolean holdsUnits() {
    return units > 0;
  }
}

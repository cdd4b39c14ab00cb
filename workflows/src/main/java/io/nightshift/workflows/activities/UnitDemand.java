package io.nightshift.workflows.activities;

/**
 * The accelerator units a step call must hold on its pool while it runs, and what orders it among the work
 * waiting there.
 *
 * @param units           units held at once; 0 for a call that holds none (steps on the control workers)
 * @param priority        higher starts first among work waiting for the pool
 * @param estimateSeconds how long the step expects to hold them, 0 when it declares no estimate; lets the pool
 *                        start long work first and backfill short work around a blocked large request
 */
public record UnitDemand(int units, int priority, long estimateSeconds) {
  private static final UnitDemand NONE = new UnitDemand(0, 0, 0);

  public UnitDemand {
    if (units < 0) {
      throw new IllegalArgumentException("units must be >= 0, was " + units);
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

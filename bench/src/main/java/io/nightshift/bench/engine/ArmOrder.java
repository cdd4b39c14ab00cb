package io.nightshift.bench.engine;

import java.util.List;

/**
 * The order two arms run in, per timed run: A B, then B A, then A B... (ABBA over each pair of runs), so a machine
 * that warms up, or gets busier, over the session does not always favour the arm that runs second.
 */
public final class ArmOrder {
  /** The two arms of a comparison. */
  public enum Arm { NIGHTSHIFT, BASELINE }

  private ArmOrder() {}

  /** @param run 1-based index of the timed run */
  public static List<Arm> of(int run) {
    if (run < 1) {
      throw new IllegalArgumentException("run is 1-based, was " + run);
    }
    return run % 2 == 1 ? List.of(Arm.NIGHTSHIFT, Arm.BASELINE) : List.of(Arm.BASELINE, Arm.NIGHTSHIFT);
  }
}

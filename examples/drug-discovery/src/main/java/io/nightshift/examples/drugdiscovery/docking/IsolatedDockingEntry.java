package io.nightshift.examples.drugdiscovery.docking;

import java.util.function.Function;

/**
 * A {@link PocketDocker} as seen from outside the class loader it lives in ({@code tools/IsolatedDocker}): only JDK
 * types cross, so this class and OpenChemLib can be loaded once per docker, each copy with static state of its own.
 * Docks the shipped ABL1 target; {@link #apply} gives {score, seconds} and throws {@link IllegalArgumentException}
 * with the reason when a molecule cannot be docked.
 */
public final class IsolatedDockingEntry implements Function<String, double[]> {
  private final PocketDocker docker;

  /** @throws IllegalStateException when the target cannot be set up (its message says why) */
  public IsolatedDockingEntry(int monteCarloSteps, int startPositions) {
    try {
      this.docker = new PocketDocker(DockingTarget.abl1Imatinib(),
          new DockingSettings(monteCarloSteps, startPositions));
    } catch (DockingFailure e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public double[] apply(String smiles) {
    try {
      DockedPose pose = docker.dock(smiles);
      return new double[] {pose.score(), pose.seconds()};
    } catch (DockingFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}

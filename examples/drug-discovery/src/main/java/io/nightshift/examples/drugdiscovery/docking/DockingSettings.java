package io.nightshift.examples.drugdiscovery.docking;

/**
 * How hard the docking search tries: Monte Carlo steps per start pose and the number of shape-aligned start
 * poses. Time per molecule grows roughly with their product.
 *
 * @param monteCarloSteps perturb-and-minimise steps from each start pose
 * @param startPositions  start poses from shape docking into the pocket
 */
public record DockingSettings(int monteCarloSteps, int startPositions) {
  public DockingSettings {
    if (monteCarloSteps < 1 || monteCarloSteps > 1000) {
      throw new IllegalArgumentException("monteCarloSteps must be between 1 and 1000, was " + monteCarloSteps);
    }
    if (startPositions < 1 || startPositions > 100) {
      throw new IllegalArgumentException("startPositions must be between 1 and 100, was " + startPositions);
    }
  }

  /** OpenChemLib's defaults (50 steps, 10 start poses). */
  public static DockingSettings standard() {
    return new DockingSettings(50, 10);
  }

  /** About a fifth of the standard search, for demos and first-pass screening. */
  public static DockingSettings fast() {
    return new DockingSettings(20, 4);
  }

  /** {@code standard} or {@code fast}; the name is what tools take as a parameter. */
  public static DockingSettings named(String name) {
    return switch (name) {
      case "standard" -> standard();
      case "fast" -> fast();
      default -> throw new IllegalArgumentException("docking effort must be 'standard' or 'fast', was '" + name + "'");
    };
  }
}

package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactRef;

/**
 * A finished step.
 *
 * @param output        the output, by reference
 * @param summary       one line for humans
 * @param attempt       which attempt succeeded (1 = first try), as Temporal counted it
 * @param pool          the accelerator pool it ran on, or null for the control workers
 * @param placement     why that pool (the placement decision), or null
 * @param unitSeconds   accelerator unit-seconds it held (duration x units), 0 off-pool
 * @param cost          what that cost at the pool's price, 0 off-pool
 * @param tokens        model tokens (prompt + answer) the step's model calls used, as the endpoints reported
 */
public record StepOutput(ArtifactRef output, String summary, int attempt, String pool, String placement,
    double unitSeconds, double cost, long tokens) {
  /**
   * What a step produced, before any placement: on no pool, at no accelerator cost, with no model tokens ({@link
   * #placed} and {@link #withTokens} add those where the step had them).
   */
  public static StepOutput of(ArtifactRef output, String summary, int attempt) {
    return new StepOutput(output, summary, attempt, null, null, 0, 0, 0);
  }

  public StepOutput placed(String onPool, String why, double seconds, double price) {
    return new StepOutput(output, summary, attempt, onPool, why, seconds, price, tokens);
  }

  /** The unit-seconds the call held its lease for, as measured on the pool (0 for a call that held none). */
  public StepOutput measured(double heldUnitSeconds) {
    return new StepOutput(output, summary, attempt, pool, placement, heldUnitSeconds, cost, tokens);
  }

  public StepOutput withTokens(long used) {
    return new StepOutput(output, summary, attempt, pool, placement, unitSeconds, cost, used);
  }
}

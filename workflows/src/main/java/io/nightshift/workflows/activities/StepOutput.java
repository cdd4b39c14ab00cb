package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.payload.UnwrappedRecords;

/**
 * A finished step. In JSON the pool use's fields stand beside the others, as recorded before they were a part.
 *
 * @param output  the output, by reference
 * @param summary one line for humans
 * @param attempt which attempt succeeded (1 = first try), as Temporal counted it
 * @param use     where it ran and what its units cost; {@link PoolUse#NONE} for the control workers
 * @param tokens  model tokens (prompt + answer) the step's model calls used, as the endpoints reported
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record StepOutput(ArtifactRef output, String summary, int attempt, @JsonUnwrapped PoolUse use, long tokens) {
  public StepOutput {
    use = use == null ? PoolUse.NONE : use;
  }

  /**
   * What a step produced, before any placement: on no pool, at no accelerator cost, with no model tokens ({@link
   * #placed} and {@link #withTokens} add those where the step had them).
   */
  public static StepOutput of(ArtifactRef output, String summary, int attempt) {
    return new StepOutput(output, summary, attempt, PoolUse.NONE, 0);
  }

  public StepOutput placed(PoolUse where) {
    return new StepOutput(output, summary, attempt, where, tokens);
  }

  /** The unit-seconds the call held its lease for, as measured on the pool (0 for a call that held none). */
  public StepOutput measured(double heldUnitSeconds) {
    return new StepOutput(output, summary, attempt, use.withUnitSeconds(heldUnitSeconds), tokens);
  }

  public StepOutput withTokens(long used) {
    return new StepOutput(output, summary, attempt, use, used);
  }
}

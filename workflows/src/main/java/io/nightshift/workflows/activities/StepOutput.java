package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.payload.UnwrappedRecords;
import java.util.List;
import java.util.Optional;

/**
 * A finished step. In JSON the pool use's fields stand beside the others, as recorded before they were a part.
 *
 * @param output  the output, by reference
 * @param summary one line for humans
 * @param attempt which attempt succeeded (1 = first try), as Temporal counted it
 * @param use     where it ran and what its units cost; {@link PoolUse#NONE} for the control workers
 * @param tokens  model tokens (prompt + answer) the step's model calls used, as the endpoints reported
 * @param telemetry what its leased units showed while it held them; empty off-pool, where the executor reads no
 *                  telemetry, and in results recorded before it was sampled
 * @param attempts  a retried call's attempts as it kept them ({@link CallAttempts}), oldest first, the one that
 *                  succeeded last: Temporal tells the workflow only how the call ended. Empty for a call that
 *                  succeeded on its first try (the workflow's own times are its), for steps that are no tool call,
 *                  and in results of workers older than it; left out of the JSON when empty
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record StepOutput(ArtifactRef output, String summary, int attempt, @JsonUnwrapped PoolUse use, long tokens,
    Optional<UnitTelemetry> telemetry, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttemptSpan> attempts) {
  public StepOutput {
    use = use == null ? PoolUse.NONE : use;
    telemetry = telemetry == null ? Optional.empty() : telemetry;
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** A step that keeps no attempts of its own. */
  public StepOutput(ArtifactRef output, String summary, int attempt, PoolUse use, long tokens,
      Optional<UnitTelemetry> telemetry) {
    this(output, summary, attempt, use, tokens, telemetry, List.of());
  }

  /**
   * What a step produced, before any placement: on no pool, at no accelerator cost, with no model tokens ({@link
   * #placed} and {@link #withTokens} add those where the step had them).
   */
  public static StepOutput of(ArtifactRef output, String summary, int attempt) {
    return new StepOutput(output, summary, attempt, PoolUse.NONE, 0, Optional.empty());
  }

  public StepOutput placed(PoolUse where) {
    return new StepOutput(output, summary, attempt, where, tokens, telemetry, attempts);
  }

  /**
   * What the call's units measured on the pool: the unit-seconds it held its lease for (0 for a call that held
   * none) and the telemetry sampled meanwhile.
   */
  public StepOutput measured(HeldUnits held) {
    return new StepOutput(output, summary, attempt, use.withUnitSeconds(held.unitSeconds()), tokens,
        held.telemetry(), attempts);
  }

  /** The same output with the telemetry of its units (a map's, summed over its chunks). */
  public StepOutput withTelemetry(Optional<UnitTelemetry> units) {
    return new StepOutput(output, summary, attempt, use, tokens, units, attempts);
  }

  public StepOutput withTokens(long used) {
    return new StepOutput(output, summary, attempt, use, used, telemetry, attempts);
  }

  /** The same output with the attempts its call kept. */
  public StepOutput withAttempts(List<AttemptSpan> kept) {
    return new StepOutput(output, summary, attempt, use, tokens, telemetry, kept);
  }
}

package io.nightshift.core.pipeline;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.placement.StepRequirements;
import java.util.Locale;
import java.util.Optional;

/**
 * What a step needs from an accelerator pool, as written in a pipeline ({@code requires:}). Plain values so it
 * travels through Temporal as is; {@link #toStepRequirements()} gives placement's view.
 *
 * @param kind        an {@link AcceleratorKind} name, or {@code any}
 * @param units       devices needed at once
 * @param memoryGb    memory per device, 0 for any
 * @param model       the model the step calls, empty for none
 * @param priority    higher starts first among work waiting for the same pool; 0 by default
 * @param estimateSeconds how long the step expects to hold its units, 0 when not declared; the pool starts long
 *                    work first and fits short work around a blocked large request
 */
public record Requirements(String kind, int units, double memoryGb, String model, int priority,
    long estimateSeconds) {
  public Requirements {
    if (estimateSeconds < 0) {
      throw new IllegalArgumentException("estimateSeconds must be >= 0, was " + estimateSeconds);
    }
    kind = kind == null ? "any" : kind;
    model = model == null ? "" : model;
  }

  public StepRequirements toStepRequirements() {
    Optional<AcceleratorKind> k = kind.equalsIgnoreCase("any") ? Optional.empty()
        : Optional.of(AcceleratorKind.valueOf(kind.toUpperCase(Locale.ROOT)));
    return new StepRequirements(k, Math.max(1, units), (long) (memoryGb * 1024 * 1024 * 1024), model);
  }
}

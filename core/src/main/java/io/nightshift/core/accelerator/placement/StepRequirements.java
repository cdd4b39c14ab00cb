package io.nightshift.core.accelerator.placement;

import io.nightshift.core.accelerator.AcceleratorKind;
import java.util.Optional;

/**
 * What a step needs from a pool.
 *
 * @param kind               hardware family, empty for any
 * @param units              devices it needs at once (its tensor-parallel degree for a model server)
 * @param memoryBytesPerUnit minimum memory per unit, 0 for any
 * @param model              model it calls, empty for none; a pool that lists models must list this one
 */
public record StepRequirements(Optional<AcceleratorKind> kind, int units, long memoryBytesPerUnit, String model) {
  public StepRequirements {
    kind = kind == null ? Optional.empty() : kind;
    model = model == null ? "" : model;
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, was " + units);
    }
    if (memoryBytesPerUnit < 0) {
      throw new IllegalArgumentException("memoryBytesPerUnit must be >= 0, was " + memoryBytesPerUnit);
    }
  }

  public static StepRequirements any(int units) {
    return new StepRequirements(Optional.empty(), units, 0, "");
  }

  public static StepRequirements of(AcceleratorKind kind, int units) {
    return new StepRequirements(Optional.of(kind), units, 0, "");
  }

  public StepRequirements withModel(String newModel) {
    return new StepRequirements(kind, units, memoryBytesPerUnit, newModel);
  }

  public StepRequirements withMemoryBytesPerUnit(long bytes) {
    return new StepRequirements(kind, units, bytes, model);
  }
}

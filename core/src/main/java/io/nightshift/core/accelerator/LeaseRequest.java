package io.nightshift.core.accelerator;

import java.util.Objects;

/**
 * A request for exclusive units of one pool.
 *
 * @param owner              who holds the lease (task/subtask id), for operators and for release on crash
 * @param units              how many devices; backends reject counts the hardware cannot group (e.g. a tensor-
 *                           parallel degree of 3 on GPUs)
 * @param memoryBytesPerUnit minimum memory each unit must have, 0 for any
 * @param model              the model to be served on it, may be empty; informational for the backend
 */
public record LeaseRequest(String owner, int units, long memoryBytesPerUnit, String model) {
  public LeaseRequest {
    Objects.requireNonNull(owner, "owner");
    model = model == null ? "" : model;
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, was " + units);
    }
    if (memoryBytesPerUnit < 0) {
      throw new IllegalArgumentException("memoryBytesPerUnit must be >= 0, was " + memoryBytesPerUnit);
    }
  }

  public static LeaseRequest of(String owner, int units) {
    return new LeaseRequest(owner, units, 0, "");
  }
}

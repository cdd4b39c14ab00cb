package io.nightshift.core.accelerator.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Work that holds units of the pool now.
 *
 * @param expectedEnd when it should free its units (start + estimate); empty when it declared no estimate, and then
 *                    nothing waiting can count on its units coming back at any particular time
 */
public record RunningWork(String id, int units, Optional<Instant> expectedEnd) {
  public RunningWork {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedEnd, "expectedEnd");
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, was " + units);
    }
  }
}

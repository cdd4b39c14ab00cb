package io.nightshift.runtime.temporal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether the namespace has Nightshift's search attributes, as this process knows it now. It starts as
 * {@link SearchAttributeSetup#ensure} found it at start and turns true once they are registered later (when Temporal
 * was down at start and came back, see {@link TemporalReachability}); it never turns false again, since a server
 * does not drop registered attributes. Tasks submitted from then on list by state and pipeline.
 */
public final class SearchAttributeAvailability {
  private final AtomicBoolean available;

  public SearchAttributeAvailability(boolean availableAtStart) {
    this.available = new AtomicBoolean(availableAtStart);
  }

  public boolean available() {
    return available.get();
  }

  /**
   * From now on, each time Temporal answers (again) while the attributes are missing, tries {@code register} once
   * more; it returns whether they are registered now.
   */
  void registerWhenReachable(TemporalReachability reachability, BooleanSupplier register) {
    reachability.onChange(state -> {
      if (state.reachable() && !available.get() && register.getAsBoolean()) {
        available.set(true);
      }
    });
  }
}

package io.nightshift.runtime.temporal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether a namespace has Nightshift's search attributes, as this process knows it now. It turns true once
 * {@link SearchAttributeSetup#ensure} registers them: at start where Temporal answers, else once it answers again
 * (see {@link TemporalReachability}); it never turns false again, since a server does not drop registered
 * attributes. Tasks submitted from then on list by state and pipeline.
 */
public final class SearchAttributeAvailability {
  private final AtomicBoolean available;

  public SearchAttributeAvailability(boolean availableAtStart) {
    this.available = new AtomicBoolean(availableAtStart);
  }

  /**
   * Missing until {@code register} succeeds: tried at once where Temporal answers now, else (and after a refusal)
   * each time it answers again.
   */
  static SearchAttributeAvailability registeredWhenReachable(TemporalReachability reachability,
      BooleanSupplier register) {
    SearchAttributeAvailability attributes = new SearchAttributeAvailability(false);
    attributes.registerWhenReachable(reachability, register);
    return attributes;
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

package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.accelerator.BackendSettings;
import java.util.function.Supplier;

/** Turns a builder's field error into a start-up error that names the pool, the type and the field. */
public final class Settings {
  private Settings() {}

  public static <T> T configure(BackendSettings settings, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new AcceleratorException(Reason.CONFIGURATION, "pool '" + settings.id() + "' (type " + settings.type()
          + "): " + e.getMessage(), e);
    }
  }
}

package io.nightshift.provisioning.internal;

import java.time.Duration;
import java.util.Objects;

/** The checks the provisioning builders make of their arguments, each naming the argument it refuses. */
public final class Arguments {
  private Arguments() {}

  public static String nonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }
}

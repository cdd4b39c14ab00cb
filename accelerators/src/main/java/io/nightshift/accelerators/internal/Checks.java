package io.nightshift.accelerators.internal;

import java.time.Duration;

/** Field checks for the config builders; each message names the field, as Resilience4j's builders do. */
public final class Checks {
  private Checks() {}

  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  public static Duration positive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be greater than 0, was " + value);
    }
    return value;
  }

  public static double atLeastZero(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
    }
    return value;
  }

  public static int atLeast(String field, int min, int value) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
    }
    return value;
  }
}

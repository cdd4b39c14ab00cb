package io.nightshift.core.accelerator;

import java.time.Duration;
import java.util.Objects;

/**
 * What one unit of a pool costs, from configuration (prices change; nothing here is hard-coded).
 *
 * @param perUnitHour   price of one device (GPU, NeuronCore, core) for one hour, in {@code currency}
 * @param currency      ISO code, e.g. USD
 * @param wattsPerUnit  typical draw of one busy unit, 0 when unknown; used by the lowest-energy policy
 */
public record PriceRate(double perUnitHour, String currency, double wattsPerUnit) {
  public PriceRate {
    Objects.requireNonNull(currency, "currency");
    if (!(perUnitHour >= 0) || Double.isInfinite(perUnitHour)) {
      throw new IllegalArgumentException("perUnitHour must be a finite number >= 0, was " + perUnitHour);
    }
    if (!(wattsPerUnit >= 0) || Double.isInfinite(wattsPerUnit)) {
      throw new IllegalArgumentException("wattsPerUnit must be a finite number >= 0, was " + wattsPerUnit);
    }
  }

  public static PriceRate free() {
    return new PriceRate(0, "USD", 0);
  }

  /** Cost of holding {@code units} devices for {@code duration}. */
  public double cost(int units, Duration duration) {
    return perUnitHour * units * (duration.toMillis() / 3_600_000.0);
  }
}

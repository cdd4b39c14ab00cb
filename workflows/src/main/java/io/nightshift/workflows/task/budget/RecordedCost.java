package io.nightshift.workflows.task.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The one place workflow code reads a cost written as text: a limit or raise that arrived with a task or a decision
 * (checked at the API, or by the pipeline parser, with core's {@code CostLimit}), or a figure the workflow wrote
 * itself. It never throws, since an exception here fails the workflow task on every retry and wedges the task for
 * good, and it bounds what it returns: histories recorded before the edges were strict hold texts such as
 * {@code 1e999999999}, a valid decimal on which each ledger operation took seconds. Within the bounds (magnitudes
 * from 1e-30 to 1e18) it reads exactly what {@code new BigDecimal(text)} read, so recorded tasks replay unchanged.
 */
public final class RecordedCost {
  /** Above any spend or limit a task has had; what the old edges admitted beyond it reads as this. */
  static final BigDecimal LARGEST = new BigDecimal("1e18");
  /** The smallest magnitude kept apart from 0: far below a cost any endpoint prices (1e-8 is the edges' step). */
  static final BigDecimal SMALLEST = new BigDecimal("1e-30");
  private static final int MAX_SCALE = 30;

  private RecordedCost() {}

  /** A limit or raise: the value when the text is a readable cost greater than 0; empty when absent or not. */
  public static Optional<BigDecimal> limit(String text) {
    return amount(text).filter(v -> v.signum() > 0);
  }

  /** A figure (spent, settled): the value when the text is readable, bounded; empty when absent or unreadable. */
  public static Optional<BigDecimal> amount(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return Optional.empty(); // "Infinity", "1d", "0x1p3": texts the approve check once let through
    }
    return Optional.of(bounded(value));
  }

  /**
   * The value with its magnitude in [SMALLEST, LARGEST] (0 stays 0) and at most {@value #MAX_SCALE} decimals.
   * Compares before it rescales: comparing reads exponents only, while rescaling 1e-999999999 would compute
   * 10^999999970.
   */
  private static BigDecimal bounded(BigDecimal value) {
    BigDecimal magnitude = value.abs();
    if (magnitude.compareTo(LARGEST) > 0) {
      magnitude = LARGEST;
    } else if (magnitude.signum() > 0 && magnitude.compareTo(SMALLEST) < 0) {
      magnitude = SMALLEST;
    } else if (magnitude.scale() > MAX_SCALE) {
      magnitude = magnitude.setScale(MAX_SCALE, RoundingMode.UP);
    }
    return value.signum() < 0 ? magnitude.negate() : magnitude;
  }
}

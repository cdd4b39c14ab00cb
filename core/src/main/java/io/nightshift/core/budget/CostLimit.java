package io.nightshift.core.budget;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one reading of a cost limit given as text: a task's {@code max_cost}, an approval's raised {@code max_cost},
 * an agent step's {@code budget.cost}. Plain decimal notation only, greater than 0, at most
 * {@value #INTEGER_DIGITS} digits before the point and {@value #FRACTION_DIGITS} after. Bounded because the value
 * ends up in workflow state, where every reserve and settle does exact decimal arithmetic on it: {@code 1e999999999}
 * is a valid {@link BigDecimal} on which each operation of the task's ledger took seconds of workflow CPU, and the
 * forms {@link Double#parseDouble} also takes ({@code 1d}, {@code Infinity}, {@code 0x1p3}) are not decimals at all.
 */
public final class CostLimit {
  public static final int INTEGER_DIGITS = 10;
  public static final int FRACTION_DIGITS = 8;
  private static final Pattern PLAIN = Pattern.compile("\\d{1," + INTEGER_DIGITS + "}(\\.\\d{1," + FRACTION_DIGITS
      + "})?");

  private CostLimit() {}

  /**
   * The limit {@code text} writes, exactly (so {@code 0.50} keeps its scale).
   *
   * @throws IllegalArgumentException saying what is admitted, quoting the text; callers prefix the field's name
   */
  public static BigDecimal parse(String text) {
    String plain = text == null ? "" : text.strip();
    if (!PLAIN.matcher(plain).matches()) {
      throw new IllegalArgumentException("must be a decimal number greater than 0 in plain notation (digits and an"
          + " optional point, at most " + INTEGER_DIGITS + " digits before it and " + FRACTION_DIGITS + " after,"
          + " e.g. 25 or 0.50), was '" + text + "'");
    }
    BigDecimal value = new BigDecimal(plain);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("must be greater than 0, was '" + text + "'");
    }
    return value;
  }
}

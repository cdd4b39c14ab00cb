package io.nightshift.api;

import java.math.BigDecimal;

/**
 * The three fields every budget in a submission has ({@code spec.budget}, {@code spec.agent_budget}): each one given
 * must be greater than 0, and at least one must be given. Errors are INVALID_ARGUMENT naming the field under the
 * budget's own path.
 *
 * @param path where the budget sits in the request, e.g. {@code spec.budget}
 */
record BudgetFields(String path) {
  /** Fails unless at least one field is given. */
  void requireAny(boolean tokens, boolean cost, boolean wallClock) {
    if (!tokens && !cost && !wallClock) {
      String name = path.substring(path.lastIndexOf('.') + 1);
      throw ApiErrors.invalid(path, name + " sets none of max_tokens, max_cost, wall_clock_seconds; give at least"
          + " one (> 0) or leave it out");
    }
  }

  /** @return the token limit, 0 when not given */
  long tokens(boolean given, long value) {
    if (given && value <= 0) {
      throw ApiErrors.invalid(path + ".max_tokens", "max_tokens must be greater than 0, was " + value);
    }
    return given ? value : 0;
  }

  /** @return the cost limit as exact decimal text, null when not given */
  String cost(boolean given, String value) {
    if (!given) {
      return null;
    }
    String cost = value.trim();
    if (!positive(cost)) {
      throw ApiErrors.invalid(path + ".max_cost", "max_cost must be a decimal number greater than 0, was '" + value
          + "'");
    }
    return cost;
  }

  /** @return the wall-clock limit in milliseconds, 0 when not given */
  long wallClockMillis(boolean given, long seconds) {
    if (given && (seconds <= 0 || seconds > Long.MAX_VALUE / 1000)) {
      throw ApiErrors.invalid(path + ".wall_clock_seconds", "wall_clock_seconds must be greater than 0 (and a sane"
          + " number of seconds), was " + seconds);
    }
    return given ? seconds * 1000 : 0;
  }

  private static boolean positive(String decimal) {
    try {
      return new BigDecimal(decimal).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

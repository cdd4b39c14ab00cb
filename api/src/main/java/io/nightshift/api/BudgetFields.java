package io.nightshift.api;

import io.nightshift.core.budget.CostLimit;

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
    return given ? cost(path + ".max_cost", value) : null;
  }

  /**
   * A cost limit read as {@link CostLimit} reads it, as the exact decimal text the workflow carries: the one check
   * for {@code spec.budget}, {@code spec.agent_budget} and an approval's raise alike, so workflow code is only ever
   * handed what it can read.
   *
   * @param field where the value sits in the request, named in the error
   */
  static String cost(String field, String value) {
    try {
      return CostLimit.parse(value).toPlainString();
    } catch (IllegalArgumentException e) {
      throw ApiErrors.invalid(field, "max_cost " + e.getMessage());
    }
  }

  /** @return the wall-clock limit in milliseconds, 0 when not given */
  long wallClockMillis(boolean given, long seconds) {
    if (given && (seconds <= 0 || seconds > Long.MAX_VALUE / 1000)) {
      throw ApiErrors.invalid(path + ".wall_clock_seconds", "wall_clock_seconds must be greater than 0 (and a sane"
          + " number of seconds), was " + seconds);
    }
    return given ? seconds * 1000 : 0;
  }
}

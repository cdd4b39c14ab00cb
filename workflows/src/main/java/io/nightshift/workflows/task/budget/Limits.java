package io.nightshift.workflows.task.budget;

/** The checks every budget limit of a task passes, wherever it is set: nothing negative, a cost above 0. */
final class Limits {
  private Limits() {}

  /** @param maxCost exact decimal text, null for no cost limit */
  static void check(long maxTokens, String maxCost, long wallClockMillis) {
    if (maxTokens < 0 || wallClockMillis < 0) {
      throw new IllegalArgumentException("maxTokens and wallClockMillis must not be negative");
    }
    if (maxCost != null && RecordedCost.limit(maxCost).isEmpty()) {
      throw new IllegalArgumentException("maxCost must be greater than 0 but was " + maxCost);
    }
  }
}

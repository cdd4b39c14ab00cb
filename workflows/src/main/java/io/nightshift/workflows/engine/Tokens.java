package io.nightshift.workflows.engine;

/** Token counts of budgets and ledgers, where Long.MAX_VALUE stands for "no limit". */
public final class Tokens {
  private Tokens() {}

  /** {@code a + b}, or Long.MAX_VALUE where the sum would overflow: a count never wraps round to negative. */
  public static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}

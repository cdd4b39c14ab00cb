package io.nightshift.runtime.audit;

/**
 * The first line of an audit log that does not verify, and why.
 *
 * @param line 1-based line number
 */
public record AuditProblem(long line, String what) {
  @Override
  public String toString() {
    return "line " + line + ": " + what;
  }
}

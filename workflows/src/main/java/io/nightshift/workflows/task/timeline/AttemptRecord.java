package io.nightshift.workflows.task.timeline;

/**
 * One attempt of a step as the task's workflow observed it; a time it did not observe is 0.
 *
 * @param number          1 for the first try
 * @param startedAtMillis workflow time it started; 0 for attempts Temporal retried inside one call
 * @param endedAtMillis   workflow time the workflow learnt it ended; 0 while it runs or where not observed
 * @param outcome         an {@link AttemptRecord} constant: RUNNING, SUCCEEDED, FAILED, RETRIED or CANCELLED
 * @param error           why a FAILED attempt failed (cut to {@link Timeline#DETAIL_CHARS}); empty otherwise
 */
public record AttemptRecord(int number, long startedAtMillis, long endedAtMillis, String outcome, String error) {
  public static final String RUNNING = "RUNNING";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
  public static final String RETRIED = "RETRIED";
  public static final String CANCELLED = "CANCELLED";

  public AttemptRecord {
    error = error == null ? "" : error;
  }

  boolean running() {
    return RUNNING.equals(outcome);
  }
}

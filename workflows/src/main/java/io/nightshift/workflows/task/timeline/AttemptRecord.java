package io.nightshift.workflows.task.timeline;

/**
 * One attempt of a step as the task's workflow observed it, or as the step's call reported it (see
 * {@link StepClocks}); a time nobody observed is 0.
 *
 * @param number          1 for the first try
 * @param startedAtMillis when it started: in workflow time where the workflow observed it, on the call's worker's
 *                        clock where the call reported it; 0 where unknown (attempts Temporal retried inside one
 *                        call of a worker that reported none)
 * @param endedAtMillis   when it ended, on the same clocks (the workflow's: when it learnt it); 0 while it runs or
 *                        where unknown
 * @param outcome         an {@link AttemptRecord} constant: RUNNING, SUCCEEDED, FAILED, RETRIED or CANCELLED
 * @param error           why a FAILED or RETRIED attempt failed (cut to {@link Timeline#DETAIL_CHARS}), where
 *                        known; empty otherwise
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

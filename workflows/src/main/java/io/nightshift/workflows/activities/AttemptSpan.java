package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One attempt of a step's call as the call itself saw it, on its workers' clocks: Temporal retries the call without
 * telling the workflow, so the attempts keep their own record and hand it on (see {@link CallAttempts}).
 *
 * @param number          1 for the first try, as Temporal counts them
 * @param startedAtMillis when the attempt started, epoch millis; 0 where the attempt left no word of it
 * @param endedAtMillis   when it ended, epoch millis; 0 while it runs. For an attempt that died without a word (its
 *                        worker lost, a timeout), when Temporal scheduled the next one less its back-off
 * @param error           why it failed, cut to {@link #ERROR_CHARS}; empty while it runs and for the one that
 *                        succeeded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttemptSpan(int number, long startedAtMillis, long endedAtMillis, String error) {
  /** The longest error kept, as the task's timeline cuts its details. */
  public static final int ERROR_CHARS = 300;

  public AttemptSpan {
    error = error == null ? "" : error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS - 3) + "...";
  }

  /** This attempt, ended at {@code atMillis} (with {@code why} it failed; empty for success). */
  public AttemptSpan endedAt(long atMillis, String why) {
    return new AttemptSpan(number, startedAtMillis, atMillis, why);
  }

  public boolean running() {
    return endedAtMillis == 0;
  }
}

package io.nightshift.workflows.dag;

/** Where a step of a running plan stands. */
public enum StepState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Will not run: something it needs failed, or the task stopped before it started. */
  SKIPPED,
  CANCELLED,
  /** Shown, never scheduled: a started step that waits for a person's decision (an approval gate or a budget raise). */
  AWAITING_APPROVAL;

  public boolean isFinal() {
    return this != PENDING && this != RUNNING && this != AWAITING_APPROVAL;
  }
}

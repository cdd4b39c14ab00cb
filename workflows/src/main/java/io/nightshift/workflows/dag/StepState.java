package io.nightshift.workflows.dag;

/** Where a step of a running plan stands. */
public enum StepState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Will not run: something it needs failed, or the task stopped before it started. */
  SKIPPED,
  CANCELLED;

  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}

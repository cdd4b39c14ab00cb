package io.nightshift.workflows.task;

/** The life of a task, as users see it. Also the value of the {@code NightshiftState} search attribute. */
public enum TaskState {
  PLANNING,
  RUNNING,
  /** Running steps finish; no new step starts until resumed (by a person, or after a budget is raised). */
  PAUSED,
  /** Running, with at least one step waiting for a person's decision. */
  AWAITING_APPROVAL,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}

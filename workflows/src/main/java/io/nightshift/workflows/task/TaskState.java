package io.nightshift.workflows.task;

/** The life of a task, as users see it. Also the value of the {@code NightshiftState} search attribute. */
public enum TaskState {
  PLANNING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}

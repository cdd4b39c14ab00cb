package io.nightshift.workflows.task.timeline;

/**
 * What a timeline entry records; the public API's TimelineEventKind by the same names. Entries carry the name as
 * text, so an API older than a kind reads the entry still (as an unspecified kind) rather than failing the query.
 */
public enum TimelineKind {
  TASK_STATE,
  STEP_STARTED,
  STEP_SUCCEEDED,
  STEP_FAILED,
  STEP_RETRIED,
  STEP_AWAITING_APPROVAL,
  STEP_CANCELLED,
  MAP_SPLIT,
  DECISION,
  PLAN_VERSION,
  STEERED,
  PAUSED,
  RESUMED
}

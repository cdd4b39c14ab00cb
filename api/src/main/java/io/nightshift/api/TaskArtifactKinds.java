package io.nightshift.api;

/** The kinds ListArtifacts names a task's artifacts by (TaskArtifact.kind): stable strings clients match on. */
final class TaskArtifactKinds {
  static final String OUTPUT = "output";
  static final String RESULT = "result";
  static final String TRANSCRIPT = "transcript";
  static final String TRANSCRIPT_DELTA = "transcript_delta";
  static final String COMPACTION_SUMMARY = "compaction_summary";
  static final String COMPACTION_REPLACED = "compaction_replaced";
  /** A reference the task's view names elsewhere than in a step's output or the result. */
  static final String OTHER = "other";

  private TaskArtifactKinds() {}
}

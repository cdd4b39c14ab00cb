package io.nightshift.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** Runs one tool call. */
@ActivityInterface
public interface StepActivities {
  /** Failure type of a tool call that will never succeed with this input (no retry). */
  String TOOL_INPUT_ERROR = "ToolInputError";
  /** Failure type of a step naming a tool this worker does not have (no retry). */
  String UNKNOWN_TOOL = "UnknownTool";

  StepOutput runStep(StepInput input);
}

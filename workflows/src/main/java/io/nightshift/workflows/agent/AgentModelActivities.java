package io.nightshift.workflows.agent;

import io.temporal.activity.ActivityInterface;

/**
 * One model call of an agent. The implementation appends {@link ModelTurnInput#append()} to the transcript,
 * reads the whole transcript from the artifact store, calls the model, stores the answer as a new delta and
 * returns the new transcript index: the conversation never passes through workflow history.
 */
@ActivityInterface
public interface AgentModelActivities {
  /** Failure type of a model call that no retry can fix (bad request, context too long, unknown endpoint). */
  String MODEL_CALL_FAILED = "AgentModelCallFailed";

  ModelTurnOutput nextTurn(ModelTurnInput input);
}

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
  /** Failure type when not even the messages that must be shown fit the context window: no retry can help. */
  String CONTEXT_TOO_SMALL = "AgentContextTooSmall";

  /**
   * With a context policy, the call is made on the part of the transcript that fits the endpoint's window; when it
   * does not fit and the policy compacts, no call is made and the output says so ({@link ContextUse#overflowed()}): the workflow then calls
   * {@link AgentCompactionActivities#compact}.
   */
  ModelTurnOutput nextTurn(ModelTurnInput input);
}

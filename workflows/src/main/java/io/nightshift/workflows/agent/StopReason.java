package io.nightshift.workflows.agent;

/** Why an agent ended. Only {@link #ANSWERED} carries an answer. */
public enum StopReason {
  /** The model answered without asking for tools. */
  ANSWERED,
  /** It made {@link AgentLimits#maxTurns()} model calls without answering. */
  STEP_LIMIT,
  /** The next model call did not fit the budget (tokens, cost or wall-clock); the caller may raise it and resume. */
  BUDGET_EXHAUSTED
}

package io.nightshift.workflows.agent;

/**
 * How far an agent may go, apart from its budget.
 *
 * @param maxTurns            model calls at most; reaching it ends the agent with {@link StopReason#STEP_LIMIT}
 * @param maxToolCallsPerTurn tool calls run per model answer; further ones are refused back to the model
 * @param maxOutputTokens     cap on each model answer, also what the ledger reserves for it
 * @param turnsPerRun         turns before the workflow continues as new with a fresh history; 0 = only when
 *                            Temporal suggests it (about 4,096 events, some 300 turns)
 */
public record AgentLimits(int maxTurns, int maxToolCallsPerTurn, int maxOutputTokens, int turnsPerRun) {
  public AgentLimits {
    if (maxTurns <= 0) {
      throw new IllegalArgumentException("maxTurns must be greater than 0 but was " + maxTurns);
    }
    if (maxToolCallsPerTurn <= 0) {
      throw new IllegalArgumentException("maxToolCallsPerTurn must be greater than 0 but was " + maxToolCallsPerTurn);
    }
    if (turnsPerRun < 0) {
      throw new IllegalArgumentException("turnsPerRun must not be negative but was " + turnsPerRun);
    }
    if (maxOutputTokens <= 0) {
      throw new IllegalArgumentException("maxOutputTokens must be greater than 0 but was " + maxOutputTokens);
    }
  }

  public static AgentLimits of(int maxTurns) {
    return new AgentLimits(maxTurns, 8, 512, 0);
  }
}

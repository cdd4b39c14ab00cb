package io.nightshift.workflows.agent;

/**
 * What an agent has used so far.
 *
 * @param turns        model calls made
 * @param toolCalls    tool calls run (refused ones not counted)
 * @param budget       the ledger's figures; null in a progress answer before the agent started
 * @param compactions  compactions of its conversation so far (0 in JSON recorded before they existed)
 * @param turnsLeftOut turns the window strategy left out of view on the latest model call
 */
public record AgentUsage(int turns, int toolCalls, BudgetStatus budget, int compactions, int turnsLeftOut) {
  public AgentUsage(int turns, int toolCalls, BudgetStatus budget) {
    this(turns, toolCalls, budget, 0, 0);
  }
}

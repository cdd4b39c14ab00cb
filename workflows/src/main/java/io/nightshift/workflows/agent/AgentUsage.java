package io.nightshift.workflows.agent;

/**
 * What an agent has used so far.
 *
 * @param turns     model calls made
 * @param toolCalls tool calls run (refused ones not counted)
 * @param budget    the ledger's figures; null in a progress answer before the agent started
 */
public record AgentUsage(int turns, int toolCalls, BudgetStatus budget) {}

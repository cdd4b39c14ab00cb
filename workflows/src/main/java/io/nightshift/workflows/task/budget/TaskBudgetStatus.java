package io.nightshift.workflows.task.budget;

/**
 * A task budget's figures for the task view. Cost figures are exact decimal text.
 *
 * @param maxTokens      the task's token limit (raised by approvals), 0 for none
 * @param maxCost        the task's cost limit, null for none
 * @param tokensSpent    settled: what finished agent runs spent
 * @param costSpent      settled cost
 * @param tokensReserved held for agent runs in flight
 * @param costReserved   cost held for agent runs in flight
 * @param deadlineMillis workflow time after which no new step starts without approval, 0 for none
 */
public record TaskBudgetStatus(long maxTokens, String maxCost, long tokensSpent, String costSpent,
    long tokensReserved, String costReserved, long deadlineMillis) {}

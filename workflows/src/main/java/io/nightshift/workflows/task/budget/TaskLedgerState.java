package io.nightshift.workflows.task.budget;

/**
 * A task ledger's figures carried over continue-as-new (nothing is reserved then: running steps drained first).
 * Limits are the current ones, raises included; cost figures are exact decimal text.
 */
public record TaskLedgerState(long maxTokens, String maxCost, long tokensSettled, String costSettled,
    long deadlineMillis, long wallClockMillis) {}

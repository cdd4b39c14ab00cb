package io.nightshift.workflows.agent;

import java.math.BigDecimal;

/**
 * The ledger's figures at one moment. {@code tokensReserved}/{@code costReserved} are held for calls in flight;
 * {@code unreportedCalls} counts calls whose endpoint sent no usage, charged at their reservation instead.
 */
public record BudgetStatus(long tokensSpent, BigDecimal costSpent, long tokensReserved, BigDecimal costReserved,
    long maxTokens, BigDecimal maxCost, int unreportedCalls) {}

package io.nightshift.workflows.backends;

/**
 * Units of a pool leased to a holder.
 *
 * @param leaseId the lease on the pool, by which it is kept and released
 * @param units   how many units it holds
 */
public record UnitHold(String leaseId, int units) {}

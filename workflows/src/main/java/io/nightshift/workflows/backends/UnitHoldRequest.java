package io.nightshift.workflows.backends;

import io.nightshift.workflows.activities.UnitDemand;

/**
 * @param owner  who holds the units (task, step, run), for operators and the lease's owner
 * @param step   the step that holds them, named in the task view while it waits for them
 * @param demand the units, and the hold's order among the work waiting for the pool
 */
public record UnitHoldRequest(String owner, String step, UnitDemand demand) {}

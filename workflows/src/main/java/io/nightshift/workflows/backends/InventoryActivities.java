package io.nightshift.workflows.backends;

import io.temporal.activity.ActivityInterface;

/**
 * Snapshots of accelerator pools for deterministic placement. Registered by every worker that serves pools, on
 * each of its pools' queues ({@link BackendQueues#forPool}); call it with {@link BackendActivityOptions#inventory}
 * so it runs on the machine that has the pool. Never fails because a pool is broken: such a pool comes back
 * unhealthy with its reason.
 */
@ActivityInterface
public interface InventoryActivities {
  /** Failure type (not retried) when a requested pool is not served by the worker that took the call. */
  String UNKNOWN_POOL = "UnknownPool";

  InventoryResult inventory(InventoryRequest request);
}

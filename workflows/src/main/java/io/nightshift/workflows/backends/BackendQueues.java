package io.nightshift.workflows.backends;

import java.util.regex.Pattern;

/**
 * Task-queue names of accelerator pools. Each pool is its own queue, {@code backend-<poolId>}, polled only by
 * workers on the machine that has the pool; route an activity to a pool by setting this as its task queue.
 */
public final class BackendQueues {
  public static final String PREFIX = "backend-";
  /** Pool ids are used verbatim in queue names and configuration: lower case, digits, '-', '_' and '.'. */
  public static final Pattern POOL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private BackendQueues() {}

  /** The task queue of pool {@code poolId}. */
  public static String forPool(String poolId) {
    if (poolId == null || !POOL_ID.matcher(poolId).matches()) {
      throw new IllegalArgumentException("pool id must match " + POOL_ID.pattern() + ", was '" + poolId + "'");
    }
    return PREFIX + poolId;
  }
}

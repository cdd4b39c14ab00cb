package io.nightshift.workflows.activities;

/**
 * Where a step ran and what its units cost. In JSON these fields stand beside the step output's others, as recorded
 * before they were a part.
 *
 * @param pool        the accelerator pool it ran on, or null for the control workers (as recorded)
 * @param placement   why that pool (the placement decision), or null
 * @param unitSeconds accelerator unit-seconds it held: the lease's hold time x its units; 0 off-pool
 * @param cost        what that cost at the pool's price, 0 off-pool
 * @param fastestCost what the same work would have cost on the fastest pool that could run it, for what a cost
 *                    policy saved; 0 where placement did not work it out (off-pool, steps recorded before)
 */
public record PoolUse(String pool, String placement, double unitSeconds, double cost, double fastestCost) {
  public static final PoolUse NONE = new PoolUse(null, null, 0, 0, 0);

  public boolean onPool() {
    return pool != null;
  }

  public PoolUse withUnitSeconds(double seconds) {
    return new PoolUse(pool, placement, seconds, cost, fastestCost);
  }
}

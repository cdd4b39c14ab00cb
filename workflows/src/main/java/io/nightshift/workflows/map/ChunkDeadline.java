package io.nightshift.workflows.map;

/**
 * The deadline a map's chunks must meet under a cost policy ({@code placement: {policy: cheapest, deadline: ...}}):
 * chunks go to the cheapest pools that still get through the node's chunks in time, and to dearer ones only when
 * those cannot.
 *
 * @param atMillis    the plan's deadline, epoch milliseconds
 * @param afterMillis the longest chain of estimated work that can only start once the map is done
 * @param share       the part of each pool this node can count on at least, however busy the pool's gate is with
 *                    other work: the task's paced maps share the pools evenly, a map's leaves share its part; 1 in
 *                    maps recorded before
 */
public record ChunkDeadline(long atMillis, long afterMillis, double share) {
  public ChunkDeadline {
    share = share > 0 && share <= 1 ? share : 1.0;
  }

  /** When the map's own chunks must be done for the work after it to finish by the deadline. */
  long mapDoneByMillis() {
    return atMillis - afterMillis;
  }

  /** The same deadline for one of {@code nodes} nodes that run side by side and share this one's part. */
  ChunkDeadline sharedBy(int nodes) {
    return new ChunkDeadline(atMillis, afterMillis, share / Math.max(1, nodes));
  }
}

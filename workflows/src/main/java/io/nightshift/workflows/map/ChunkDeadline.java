package io.nightshift.workflows.map;

/**
 * The deadline a map's chunks must meet under a cost policy ({@code placement: {policy: cheapest, deadline: ...}}):
 * chunks go to the cheapest pools that still get through the node's chunks in time, and to dearer ones only when
 * those cannot.
 *
 * @param atMillis    the plan's deadline, epoch milliseconds
 * @param afterMillis the longest chain of estimated work that can only start once the map is done
 */
public record ChunkDeadline(long atMillis, long afterMillis) {
  /** When the map's own chunks must be done for the work after it to finish by the deadline. */
  long mapDoneByMillis() {
    return atMillis - afterMillis;
  }
}

package io.nightshift.workflows.map;

import java.util.Optional;

/**
 * The deadline a map's chunks must meet under a cost policy ({@code placement: {policy: cheapest, deadline: ...}}):
 * chunks go to the cheapest pools that still get through the task's work in time, and to dearer ones only when
 * those cannot.
 *
 * @param atMillis    the plan's deadline, epoch milliseconds
 * @param afterMillis the longest chain of estimated work that can only start once the map is done
 * @param share       the part of each pool this node can count on at least: with a {@code schedule}, the node's
 *                    part of its map (its map's leaves share it); in maps recorded before schedules, the task's
 *                    paced maps shared the pools evenly too; 1 in maps recorded before shares
 * @param schedule    the task's plan for all its maps together, which pools take chunks until when; empty in maps
 *                    recorded before plans (each node then paced itself alone, {@link DeadlinePace})
 */
public record ChunkDeadline(long atMillis, long afterMillis, double share, Optional<PoolSchedule> schedule) {
  public ChunkDeadline {
    share = share > 0 && share <= 1 ? share : 1.0;
    schedule = schedule == null ? Optional.empty() : schedule;
  }

  /** A deadline each node paces against by itself, with at least {@code share} of each pool. */
  public ChunkDeadline(long atMillis, long afterMillis, double share) {
    this(atMillis, afterMillis, share, Optional.empty());
  }

  /** When the map's own chunks must be done for the work after it to finish by the deadline. */
  public long mapDoneByMillis() {
    return atMillis - afterMillis;
  }

  /** The same deadline for one of {@code nodes} nodes that run side by side and share this one's part. */
  ChunkDeadline sharedBy(int nodes) {
    return new ChunkDeadline(atMillis, afterMillis, share / Math.max(1, nodes), schedule);
  }

  /** The same deadline under the task's plan {@code next}, for a whole map (its nodes then share it). */
  public ChunkDeadline planned(PoolSchedule next) {
    return new ChunkDeadline(atMillis, afterMillis, 1.0, Optional.of(next));
  }

  /** The same deadline and share under a newer plan of the task. */
  ChunkDeadline rescheduled(PoolSchedule next) {
    return new ChunkDeadline(atMillis, afterMillis, share, Optional.of(next));
  }
}

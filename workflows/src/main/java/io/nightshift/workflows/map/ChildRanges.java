package io.nightshift.workflows.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an inner map node cuts its chunk range into its children's ranges.
 *
 * <p>{@link #even} is the first cut: full ranges from the start, the remainder last. Its children all start
 * together with equal work and equal windows, so they end together, and every hand-over (the child's merge and
 * completion, the parent's workflow task, the next child's start and its first activities) left the whole window
 * empty at once: a third of a second each in the overhead bench, 4 times in a 25-second run of 10,000 items.
 *
 * <p>{@link #staggered} offsets the children that share the window by a fraction of a leaf, so their hand-overs
 * fall at different times and the others keep their share of the window busy through each. A node whose window
 * goes to {@code shares} children at once shortens its first {@code shares - 1} ranges by
 * {@code (shares - 1 - j) / shares} of a leaf; a node that runs its children one at a time ({@code shares == 1})
 * puts its remainder first, so its leaves end where its range ends and keep the offset its parent gave it.
 *
 * <p>Where the CPU is the limit (the overhead bench on two cores) the hand-overs' work takes the same time beside
 * the items as between them, and the throughput did not change (bench/README.md, "Staggered leaves"); the gain is
 * where the window is the limit: long chunks, or chunks on an accelerator pool, no longer all wait at once.
 */
final class ChildRanges {
  private ChildRanges() {}

  /** Full ranges of {@code size} from {@code start}, the remainder last (the cut before {@link #staggered}). */
  static List<int[]> even(int start, int end, int size) {
    List<int[]> ranges = new ArrayList<>();
    for (int from = start; from < end; from += size) {
      ranges.add(new int[] {from, Math.min(end, from + size)});
    }
    return ranges;
  }

  /**
   * @param size   the most chunks a child takes
   * @param shares how many children run at once
   * @param leaf   the most chunks a leaf runs itself (the period of every child's hand-overs)
   */
  static List<int[]> staggered(int start, int end, int size, int shares, int leaf) {
    List<int[]> ranges = new ArrayList<>();
    int from = start;
    if (shares == 1) {
      int remainder = (end - start) % size;
      if (remainder > 0) {
        ranges.add(new int[] {from, from + remainder});
        from += remainder;
      }
    } else {
      for (int j = 0; j < shares - 1 && from < end; j++) {
        int shortened = Math.max(1, size - (int) ((long) leaf * (shares - 1 - j) / shares));
        ranges.add(new int[] {from, Math.min(end, from + shortened)});
        from = Math.min(end, from + shortened);
      }
    }
    ranges.addAll(even(from, end, size));
    return ranges;
  }
}

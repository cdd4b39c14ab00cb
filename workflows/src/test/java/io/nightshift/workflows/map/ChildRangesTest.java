package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cut of a node's range into its children's: every chunk in exactly one child, no child over the size, and,
 * staggered, hand-overs of the children that share a window spread over a leaf's time instead of falling together.
 */
class ChildRangesTest {
  private static final int LEAF = 1000;

  @Test
  void shouldCutFullRangesFromTheStartWithTheRemainderLastAsFirstReleased() {
    assertThat(ChildRanges.even(0, 2500, 1000)).containsExactly(new int[] {0, 1000}, new int[] {1000, 2000},
        new int[] {2000, 2500});
  }

  @Test
  void shouldShortenTheFirstRangeByHalfALeafWhereTwoChildrenShareTheWindow() {
    List<int[]> ranges = ChildRanges.staggered(0, 10_000, 1000, 2, LEAF);
    assertThat(ranges).hasSize(11);
    assertThat(ranges.get(0)).containsExactly(0, 500);
    assertThat(ranges.get(1)).containsExactly(500, 1500);
    assertThat(ranges.get(10)).containsExactly(9500, 10_000);
  }

  @Test
  void shouldPutTheRemainderFirstWhereChildrenRunOneAtATime() {
    assertThat(ChildRanges.staggered(0, 1500, 1000, 1, LEAF)).containsExactly(new int[] {0, 500},
        new int[] {500, 1500});
    assertThat(ChildRanges.staggered(1500, 3500, 1000, 1, LEAF)).containsExactly(new int[] {1500, 2500},
        new int[] {2500, 3500});
  }

  @Test
  void shouldCoverEveryChunkOnceWithinTheSizeForAnyRangeAndShares() {
    SplittableRandom random = new SplittableRandom(16);
    for (int trial = 0; trial < 2_000; trial++) {
      int start = random.nextInt(0, 5_000);
      int end = start + random.nextInt(1, 200_000);
      int leaf = random.nextInt(1, 2_000);
      int size = Math.max(leaf, (end - start + MapWorkflowImpl.FANOUT - 1) / MapWorkflowImpl.FANOUT);
      int shares = random.nextInt(1, 12);
      List<int[]> ranges = ChildRanges.staggered(start, end, size, shares, leaf);
      int at = start;
      for (int[] r : ranges) {
        assertThat(r[0]).isEqualTo(at);
        assertThat(r[1] - r[0]).isBetween(1, size);
        at = r[1];
      }
      assertThat(at).isEqualTo(end);
      assertThat(ranges.size()).isLessThanOrEqualTo(ChildRanges.even(start, end, size).size() + shares);
    }
  }

  /**
   * A map of 10,000 and one of 100,000 single-chunk items with a window of 50 (two children of 25), each leaf's
   * chunks taking the same time: staggered, no two hand-overs fall within a quarter of a leaf's time of each other;
   * cut evenly, the two children hand over together every time.
   */
  @Test
  void shouldSpreadTheHandOversOfChildrenSharingTheWindow() {
    for (int items : new int[] {10_000, 100_000}) {
      assertThat(closestHandOvers(items, true)).as("staggered, %d items", items).isGreaterThanOrEqualTo(0.25);
      assertThat(closestHandOvers(items, false)).as("even, %d items", items).isEqualTo(0.0);
    }
  }

  /** The shortest time between two leaves' ends, in leaf-times, simulating the tree as MapWorkflowImpl cuts it. */
  private static double closestHandOvers(int items, boolean staggered) {
    List<Double> ends = new ArrayList<>();
    runNode(0, items, 50, 0.0, staggered, ends);
    ends.sort(Double::compare);
    double closest = Double.MAX_VALUE;
    for (int i = 1; i < ends.size() - 1; i++) { // the last leaf's end is the map's, not a hand-over
      closest = Math.min(closest, ends.get(i) - ends.get(i - 1));
    }
    return closest;
  }

  /** Runs a node from time {@code t}, its chunks taking 1/LEAF of a leaf-time each; returns when it ends. */
  private static double runNode(int from, int to, int window, double t, boolean staggered, List<Double> ends) {
    if (to - from <= LEAF) {
      double end = t + (double) (to - from) / LEAF;
      ends.add(end);
      return end;
    }
    int size = Math.max(LEAF, (to - from + MapWorkflowImpl.FANOUT - 1) / MapWorkflowImpl.FANOUT);
    int shares = Math.max(1, window / MapWorkflowImpl.MIN_CHILD_WINDOW);
    List<int[]> ranges = staggered ? ChildRanges.staggered(from, to, size, shares, LEAF)
        : ChildRanges.even(from, to, size);
    int concurrent = Math.max(1, Math.min(ranges.size(), shares));
    // each of the node's `concurrent` slots runs the next range when its last one ends
    double[] free = new double[concurrent];
    Arrays.fill(free, t);
    double last = t;
    for (int[] r : ranges) {
      int slot = 0;
      for (int s = 1; s < concurrent; s++) {
        if (free[s] < free[slot]) {
          slot = s;
        }
      }
      free[slot] = runNode(r[0], r[1], window / concurrent, free[slot], staggered, ends);
      last = Math.max(last, free[slot]);
    }
    return last;
  }
}

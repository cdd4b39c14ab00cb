package io.nightshift.workflows.task.timeline;

/**
 * A map step's items (input rows) and chunks, as far as the task knows them.
 *
 * @param total   items of the map, from its split
 * @param done    items of chunks that finished
 * @param failed  items of chunks that failed for good
 * @param running items started and not yet finished
 * @param chunks  chunks the items were split into
 */
public record ItemCount(long total, long done, long failed, long running, long chunks) {
  /** A map just split: every item is the tree's to run. */
  public static ItemCount split(long total, long chunks) {
    return new ItemCount(total, 0, 0, total, chunks);
  }

  /** The map ended: all done, or (it failed) none of its items produced output. */
  ItemCount ended(boolean succeeded) {
    return succeeded ? new ItemCount(total, total, 0, 0, chunks) : new ItemCount(total, done, total - done, 0, chunks);
  }
}

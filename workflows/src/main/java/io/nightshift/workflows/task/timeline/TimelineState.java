package io.nightshift.workflows.task.timeline;

import java.util.List;

/**
 * A task's timeline as the progress query answers it and continue-as-new carries it: bounded by
 * {@link Timeline#RETAINED} entries however long the task runs.
 *
 * @param sequence  the last entry's sequence (0 before any): how many entries the task has recorded
 * @param dropped   entries recorded before the oldest retained one, no longer kept
 * @param lastState the task state last recorded, so a state is recorded once however often it is set (a new run
 *                  after continue-as-new sets it again)
 * @param entries   the retained entries, oldest first
 */
public record TimelineState(long sequence, long dropped, String lastState, List<TimelineEntry> entries) {
  public static final TimelineState EMPTY = new TimelineState(0, 0, null, List.of());

  public TimelineState {
    entries = List.copyOf(entries == null ? List.of() : entries);
  }
}

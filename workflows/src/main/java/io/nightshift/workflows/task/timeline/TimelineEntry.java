package io.nightshift.workflows.task.timeline;

/**
 * One change in a task's life.
 *
 * @param sequence 1 for the task's first entry, one more for each next
 * @param atMillis workflow time of the change, epoch milliseconds
 * @param kind     a {@link TimelineKind} name
 * @param step     the step it concerns; empty for task-wide entries
 * @param detail   one line for humans, at most {@link Timeline#DETAIL_CHARS} characters
 */
public record TimelineEntry(long sequence, long atMillis, String kind, String step, String detail) {
  public TimelineEntry {
    step = step == null ? "" : step;
    detail = detail == null ? "" : detail;
  }
}

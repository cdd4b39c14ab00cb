package io.nightshift.api;

import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TimelineEvent;

/**
 * Where one WatchTask stream stands in its task's timeline: the last sequence it sent. It turns each view the
 * shared poll read (with the task's whole retained timeline) into the event this stream needs: the view without
 * its timeline, and the entries after the last one sent, so entries recorded between two sends all go out with
 * the next, and entries the task no longer retains are counted, never skipped silently.
 */
final class TimelineCursor {
  private long sent;

  /** @param after the last sequence the client saw (0: from the task's first entry) */
  TimelineCursor(long after) {
    this.sent = after;
  }

  /** The event for this stream from a view as read (whole timeline); moves the cursor past what it carries. */
  TaskEvent next(TaskEvent read) {
    Task task = read.getTask();
    // a view read a moment before the client's last one (this API's poll is behind the API it came from) must not
    // move the client's resume point back, or its next reconnect would be sent entries again
    TaskEvent.Builder event = TaskEvent.newBuilder().setObservedAt(read.getObservedAt())
        .setSequence(Math.max(sent, task.getSequence()))
        .setTask(task.toBuilder().clearTimeline().clearTimelineDropped());
    if (task.getSequence() <= sent) {
      return event.build();
    }
    long firstRetained = task.getTimelineCount() == 0 ? task.getSequence() + 1 : task.getTimeline(0).getSequence();
    event.setTimelineLost(Math.max(0, firstRetained - 1 - sent));
    for (TimelineEvent e : task.getTimelineList()) {
      if (e.getSequence() > sent) {
        event.addTimeline(e);
      }
    }
    sent = task.getSequence();
    return event.build();
  }
}

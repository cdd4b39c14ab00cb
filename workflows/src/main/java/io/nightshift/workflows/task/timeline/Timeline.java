package io.nightshift.workflows.task.timeline;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * A task's timeline in workflow state: each change gets the next sequence number; only the latest
 * {@value #RETAINED} entries are kept (those before are counted as dropped), so the progress query and the
 * continue-as-new carry stay small: at most about 256 x 400 bytes.
 */
public final class Timeline {
  /** Entries kept. A task view carries them all, so this bounds its size. */
  public static final int RETAINED = 256;
  /** Longest detail kept; errors and guidance can be long, and the full text is elsewhere in the view. */
  public static final int DETAIL_CHARS = 300;

  private final ArrayDeque<TimelineEntry> entries = new ArrayDeque<>();
  private long sequence;
  private long dropped;
  private String lastState;

  /** The timeline a previous run carried over, or a new one. */
  public Timeline(Optional<TimelineState> carried) {
    carried.ifPresent(c -> {
      entries.addAll(c.entries());
      sequence = c.sequence();
      dropped = c.dropped();
      lastState = c.lastState();
    });
  }

  /** Records a change at workflow time {@code now}. */
  public void record(TimelineKind kind, String step, String detail, long now) {
    sequence++;
    entries.addLast(new TimelineEntry(sequence, now, kind.name(), step, cut(detail)));
    while (entries.size() > RETAINED) {
      entries.removeFirst();
      dropped++;
    }
  }

  /** Records the task's state, once per change: setting the state it already has records nothing. */
  public void state(String state, long now) {
    if (!state.equals(lastState)) {
      lastState = state;
      record(TimelineKind.TASK_STATE, "", state, now);
    }
  }

  public long sequence() {
    return sequence;
  }

  public TimelineState snapshot() {
    return new TimelineState(sequence, dropped, lastState, List.copyOf(entries));
  }

  /** {@code text} within {@link #DETAIL_CHARS}, ending in "..." where it was cut. */
  public static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= DETAIL_CHARS ? text : text.substring(0, DETAIL_CHARS - 3) + "...";
  }
}

package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TimelineEvent;
import org.junit.jupiter.api.Test;

/** What one stream's events carry of the task's timeline, from the views its shared poll reads. */
class TimelineCursorTest {
  @Test
  void shouldSendEveryEntryOfViewsThatWereSkippedWithTheNextOneSent() {
    TimelineCursor cursor = new TimelineCursor(0);
    assertThat(cursor.next(view(3, 1, 3)).getTimelineList()).extracting(TimelineEvent::getSequence)
        .containsExactly(1L, 2L, 3L);
    // views with entries 4 and 5 were read while the client was still reading: the next view sent brings them
    TaskEvent next = cursor.next(view(7, 1, 7));
    assertThat(next.getTimelineList()).extracting(TimelineEvent::getSequence).containsExactly(4L, 5L, 6L, 7L);
    assertThat(next.getSequence()).isEqualTo(7);
    assertThat(next.getTask().getTimelineCount()).isZero();
    assertThat(cursor.next(view(7, 1, 7)).getTimelineList()).as("nothing new").isEmpty();
  }

  @Test
  void shouldCountTheEntriesTheTaskNoLongerRetainsInsteadOfSkippingThemSilently() {
    TimelineCursor cursor = new TimelineCursor(10);
    // the task keeps entries 300..555 only: 11..299 are gone
    TaskEvent resumed = cursor.next(view(555, 300, 555));
    assertThat(resumed.getTimelineLost()).isEqualTo(289);
    assertThat(resumed.getTimeline(0).getSequence()).isEqualTo(300);
    assertThat(resumed.getTimelineCount()).isEqualTo(256);
  }

  @Test
  void shouldNotMoveTheResumePointBackForAViewReadBeforeIt() {
    TimelineCursor cursor = new TimelineCursor(8);
    TaskEvent behind = cursor.next(view(6, 1, 6));
    assertThat(behind.getSequence()).isEqualTo(8);
    assertThat(behind.getTimelineList()).isEmpty();
    assertThat(behind.getTimelineLost()).isZero();
    assertThat(cursor.next(view(9, 1, 9)).getTimelineList()).extracting(TimelineEvent::getSequence)
        .containsExactly(9L);
  }

  /** A view of sequence {@code sequence} retaining entries {@code from}..{@code to}. */
  private static TaskEvent view(long sequence, long from, long to) {
    Task.Builder task = Task.newBuilder().setId("t").setSequence(sequence).setTimelineDropped(from - 1);
    for (long s = from; s <= to; s++) {
      task.addTimeline(TimelineEvent.newBuilder().setSequence(s).setStep("s" + s));
    }
    return TaskEvent.newBuilder().setTask(task).build();
  }
}

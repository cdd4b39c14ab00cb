package io.nightshift.api;

import io.nightshift.api.v1.ItemProgress;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepAttempt;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TimelineEvent;
import io.nightshift.api.v1.TimelineEventKind;
import io.nightshift.workflows.task.timeline.AttemptRecord;
import io.nightshift.workflows.task.timeline.ItemCount;
import io.nightshift.workflows.task.timeline.StepClock;
import io.nightshift.workflows.task.timeline.TimelineEntry;
import io.nightshift.workflows.task.timeline.TimelineState;

/**
 * The task workflow's own record of time in the public API's messages: each step's times, attempts and map items,
 * and the task's timeline with its sequence. A time the workflow did not observe (0) stays unset.
 */
final class StepTimes {
  private static final String KIND_PREFIX = "TIMELINE_EVENT_KIND_";

  private StepTimes() {}

  static void apply(StepClock clock, Step.Builder step) {
    if (clock.startedAtMillis() > 0) {
      step.setStartedAt(TaskViews.ts(clock.startedAtMillis()));
    }
    if (clock.endedAtMillis() > 0) {
      step.setEndedAt(TaskViews.ts(clock.endedAtMillis()));
    }
    for (AttemptRecord a : clock.attempts()) {
      StepAttempt.Builder attempt = StepAttempt.newBuilder().setNumber(a.number()).setOutcome(TaskViews.nz(a.outcome()))
          .setError(a.error());
      if (a.startedAtMillis() > 0) {
        attempt.setStartedAt(TaskViews.ts(a.startedAtMillis()));
      }
      if (a.endedAtMillis() > 0) {
        attempt.setEndedAt(TaskViews.ts(a.endedAtMillis()));
      }
      step.addAttemptLog(attempt);
    }
    clock.items().ifPresent(i -> step.setItems(items(i)));
  }

  static ItemProgress items(ItemCount i) {
    return ItemProgress.newBuilder().setTotal(i.total()).setDone(i.done()).setFailed(i.failed())
        .setRunning(i.running()).setChunks(i.chunks()).build();
  }

  static void timeline(TimelineState timeline, Task.Builder t) {
    t.setSequence(timeline.sequence()).setTimelineDropped(timeline.dropped());
    for (TimelineEntry e : timeline.entries()) {
      t.addTimeline(TimelineEvent.newBuilder().setSequence(e.sequence()).setAt(TaskViews.ts(e.atMillis()))
          .setKind(kind(e.kind())).setStep(e.step()).setDetail(e.detail()));
    }
  }

  /** A kind this API does not know yet (from a newer worker) reads as unspecified, its entry kept. */
  private static TimelineEventKind kind(String name) {
    try {
      return TimelineEventKind.valueOf(KIND_PREFIX + name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return TimelineEventKind.TIMELINE_EVENT_KIND_UNSPECIFIED;
    }
  }
}

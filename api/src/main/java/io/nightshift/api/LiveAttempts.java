package io.nightshift.api;

import com.google.protobuf.util.Timestamps;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepAttempt;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.workflows.activities.AttemptSpan;
import io.nightshift.workflows.activities.StepBeat;
import io.nightshift.workflows.task.timeline.AttemptRecord;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.common.converter.DataConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of a step whose call is still pending, while Temporal retries it: the task's workflow learns them
 * only when the call ends, so GetTask reads them from Temporal's record of the pending activity. Its last beat lists
 * the attempts so far ({@link StepBeat#attempts}); Temporal's own fields tell what the beat cannot yet: that the
 * attempt it shows running has failed ({@code last_attempt_complete_time}, {@code last_failure}) and that the next
 * one started ({@code attempt}, {@code last_started_time}). Earlier attempts read RETRIED, the running one RUNNING.
 */
final class LiveAttempts {
  private LiveAttempts() {}

  /** Each pending step call's attempts, by the step its beats name; calls that beat no attempts are left out. */
  static Map<String, List<StepAttempt>> of(List<PendingActivityInfo> pending, DataConverter converter) {
    Map<String, List<StepAttempt>> live = new HashMap<>();
    for (PendingActivityInfo activity : pending) {
      if (activity.hasHeartbeatDetails()) {
        StepBeats.beat(activity.getHeartbeatDetails(), converter)
            .filter(b -> !b.step().isEmpty() && !b.attempts().isEmpty())
            .ifPresent(b -> live.put(b.step(), attempts(b.attempts(), activity)));
      }
    }
    return live;
  }

  /** The view with each running step's attempts replaced by its pending call's, where it has them. */
  static Task.Builder apply(Task.Builder view, Map<String, List<StepAttempt>> live) {
    for (Step.Builder step : view.getStepsBuilderList()) {
      List<StepAttempt> attempts = live.get(step.getName());
      if (attempts == null || step.getState() != StepState.STEP_STATE_RUNNING) {
        continue; // an ended step's own record wins over a pending call's last word
      }
      step.clearAttemptLog().addAllAttemptLog(attempts)
          .setAttempts(Math.max(step.getAttempts(), attempts.get(attempts.size() - 1).getNumber()));
    }
    return view;
  }

  static List<StepAttempt> attempts(List<AttemptSpan> beaten, PendingActivityInfo activity) {
    List<AttemptSpan> spans = new ArrayList<>(beaten);
    AttemptSpan last = spans.get(spans.size() - 1);
    if (activity.getAttempt() > last.number()) {
      if (last.running()) { // it died without beating its end: Temporal says when and why
        spans.set(spans.size() - 1, last.endedAt(activity.hasLastAttemptCompleteTime()
                ? Timestamps.toMillis(activity.getLastAttemptCompleteTime()) : 0,
            activity.hasLastFailure() ? activity.getLastFailure().getMessage() : ""));
      }
      if (activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
          && activity.hasLastStartedTime()) { // started, and not beaten yet
        spans.add(new AttemptSpan(activity.getAttempt(), Timestamps.toMillis(activity.getLastStartedTime()), 0, ""));
      }
    }
    List<StepAttempt> attempts = new ArrayList<>();
    for (AttemptSpan a : spans) {
      StepAttempt.Builder attempt = StepAttempt.newBuilder().setNumber(a.number()).setError(a.error())
          .setOutcome(a.running() ? AttemptRecord.RUNNING : AttemptRecord.RETRIED);
      if (a.startedAtMillis() > 0) {
        attempt.setStartedAt(TaskViews.ts(a.startedAtMillis()));
      }
      if (a.endedAtMillis() > 0) {
        attempt.setEndedAt(TaskViews.ts(a.endedAtMillis()));
      }
      attempts.add(attempt.build());
    }
    return attempts;
  }
}

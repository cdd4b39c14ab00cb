package io.nightshift.api;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.workflows.activities.StepBeat;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DataConverter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a task's placed step calls say while they are pending, from Temporal's record of its pending activities
 * (Temporal keeps each one's last heartbeat, a {@link StepBeat}): why a call waits at its pool's gate, and what the
 * units of a running one showed so far.
 */
final class StepBeats {
  private StepBeats() {}

  /** The last beat of each step whose call is pending and named its step, by step name. */
  static Map<String, StepBeat> of(List<PendingActivityInfo> pending, DataConverter converter) {
    Map<String, StepBeat> beats = new HashMap<>();
    for (PendingActivityInfo activity : pending) {
      if (!activity.hasHeartbeatDetails()) {
        continue;
      }
      beat(activity.getHeartbeatDetails(), converter).filter(b -> !b.step().isEmpty()).ifPresent(b -> beats.put(b.step(), b));
    }
    return beats;
  }

  /**
   * The view with each waiting step's line, and each running step's live telemetry, filled in. A map chunk's beat
   * names the chunk ({@code dock[12]}), no step of the view, so a map step shows neither.
   */
  static Task.Builder apply(Task.Builder view, Map<String, StepBeat> beats) {
    if (beats.isEmpty()) {
      return view;
    }
    for (Step.Builder step : view.getStepsBuilderList()) {
      StepBeat beat = beats.get(step.getName());
      if (beat == null) {
        continue;
      }
      if (!beat.waiting().isEmpty()) {
        step.setWaiting(beat.waiting());
      }
      if (!step.hasTelemetry()) { // a finished step's own record wins over a beat
        beat.telemetry().ifPresent(t -> step.setTelemetry(TelemetryViews.of(t, true)));
      }
    }
    return view;
  }

  /** The step beat in a pending activity's heartbeat details; empty for another activity's. */
  static Optional<StepBeat> beat(Payloads details, DataConverter converter) {
    if (details.getPayloadsCount() == 0) {
      return Optional.empty();
    }
    try {
      // a keeper of units beats with no details at all, which reads as null
      return Optional.ofNullable(converter.fromPayload(details.getPayloads(0),
          StepBeat.class, StepBeat.class));
    } catch (DataConverterException e) {
      return Optional.empty(); // another activity's heartbeat (an agent's model call): not a step's
    }
  }
}

package io.nightshift.api;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.workflows.activities.StepBeat;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a task's placed steps have not started yet, from Temporal's record of its pending activities: a step call
 * waiting at its pool's gate says so in its heartbeat ({@link StepBeat}), and Temporal keeps the last one.
 */
final class StepWaits {
  private StepWaits() {}

  /** The waiting line of each step whose call waits now, by step name. */
  static Map<String, String> of(List<PendingActivityInfo> pending) {
    Map<String, String> waits = new HashMap<>();
    for (PendingActivityInfo activity : pending) {
      if (!activity.hasHeartbeatDetails()) {
        continue;
      }
      beat(activity.getHeartbeatDetails()).filter(b -> !b.waiting().isEmpty() && !b.step().isEmpty())
          .ifPresent(b -> waits.put(b.step(), b.waiting()));
    }
    return waits;
  }

  /** The view with each waiting step's line filled in. */
  static Task.Builder apply(Task.Builder view, Map<String, String> waits) {
    if (waits.isEmpty()) {
      return view;
    }
    for (Step.Builder step : view.getStepsBuilderList()) {
      String why = waits.get(step.getName());
      if (why != null) {
        step.setWaiting(why);
      }
    }
    return view;
  }

  private static Optional<StepBeat> beat(Payloads details) {
    if (details.getPayloadsCount() == 0) {
      return Optional.empty();
    }
    try {
      // a keeper of units beats with no details at all, which reads as null
      return Optional.ofNullable(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(details.getPayloads(0),
          StepBeat.class, StepBeat.class));
    } catch (DataConverterException e) {
      return Optional.empty(); // another activity's heartbeat (an agent's model call): not a step's wait
    }
  }
}

package io.nightshift.workflows.task;

import io.nightshift.workflows.activities.AttemptSpan;
import io.nightshift.workflows.activities.AttemptTrail;
import io.nightshift.workflows.activities.StepBeat;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.Values;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The attempts a step's call reported with its failure, when Temporal gave up on it: the last attempt's failure
 * carries them as its details ({@link AttemptTrail}); an attempt that timed out could throw nothing, so its last
 * heartbeat ({@link StepBeat#attempts}) tells instead, that attempt still running in it. Empty for failures of
 * other kinds (a child pipeline, an agent), and of workers older than these reports.
 */
final class ReportedAttempts {
  private ReportedAttempts() {}

  static List<AttemptSpan> of(TemporalFailure failure) {
    if (!(failure instanceof ActivityFailure activity)) {
      return List.of();
    }
    if (activity.getCause() instanceof ApplicationFailure af) {
      return first(af.getDetails(), v -> Optional.ofNullable(v.get(0, AttemptTrail.class))
          .map(AttemptTrail::attempts));
    }
    if (activity.getCause() instanceof TimeoutFailure timeout) {
      return first(timeout.getLastHeartbeatDetails(), v -> Optional.ofNullable(v.get(0, StepBeat.class))
          .map(StepBeat::attempts));
    }
    return List.of();
  }

  private static List<AttemptSpan> first(Values details, Function<Values, Optional<List<AttemptSpan>>> read) {
    if (details == null || details.getSize() == 0) {
      return List.of();
    }
    try {
      return read.apply(details).orElse(List.of());
    } catch (DataConverterException | ClassCastException e) {
      // details of another shape: not a step call's report (a failure made in this process holds its details as
      // objects, which the converter does not read, so the cast tells)
      return List.of();
    }
  }
}

package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.nightshift.core.accelerator.UnitTelemetry;
import java.util.Optional;

/**
 * What a step call's heartbeat carries: the tool's last progress, which a retry resumes from; while the call waits
 * for its pool's units, why it waits; while it runs on them, what they show (both for the task view). Waiting never
 * overwrites progress, so a retry that queued first still resumes where the attempt before it stopped.
 *
 * <p>Fields a later version adds are ignored rather than failing the read, since a retry reads the beat of an
 * attempt that may have run on a newer worker.
 *
 * @param progress  the tool's last reported progress, empty for none
 * @param waiting   why the call is not running yet, empty once it runs
 * @param step      the step whose call this is (a map chunk's name has its index: {@code dock[12]}), so a reader of
 *                  the pending activities can tell which step of the task it is; empty in a running call's beat
 *                  that carries no telemetry
 * @param telemetry what the call's leased units showed so far while it runs; left out of the JSON when empty, so
 *                  a beat without it keeps the shape older readers know
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepBeat(String progress, String waiting, String step,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<UnitTelemetry> telemetry) {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public StepBeat {
    progress = progress == null ? "" : progress;
    waiting = waiting == null ? "" : waiting;
    step = step == null ? "" : step;
    telemetry = telemetry == null ? Optional.empty() : telemetry;
  }

  /** Heartbeats recorded before waits were reported carry the progress alone, as a string. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static StepBeat ofProgress(String progress) {
    return new StepBeat(progress, "", "", Optional.empty());
  }

  /** The beat of a call waiting for its units; the progress of the attempt before rides along. */
  public static StepBeat waiting(String progress, String why, String step) {
    return new StepBeat(progress, why, step, Optional.empty());
  }

  /** The beat of a running call, with what its units showed so far where they were sampled. */
  public static StepBeat running(String progress, String step, Optional<UnitTelemetry> telemetry) {
    return telemetry.isEmpty() ? ofProgress(progress) : new StepBeat(progress, "", step, telemetry);
  }
}

package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.nightshift.core.accelerator.UnitTelemetry;
import java.util.List;
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
 * @param attempts  the call's attempts so far, oldest first, this one last ({@link CallAttempts}): the next
 *                  attempt learns the earlier ones from it, and the API shows them while the call runs. Left out of
 *                  the JSON when empty (an agent's tool call, a beat of a worker older than it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepBeat(String progress, String waiting, String step,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<UnitTelemetry> telemetry,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttemptSpan> attempts) {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public StepBeat {
    progress = progress == null ? "" : progress;
    waiting = waiting == null ? "" : waiting;
    step = step == null ? "" : step;
    telemetry = telemetry == null ? Optional.empty() : telemetry;
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** A beat that carries no attempts. */
  public StepBeat(String progress, String waiting, String step, Optional<UnitTelemetry> telemetry) {
    this(progress, waiting, step, telemetry, List.of());
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

  /** As {@link #waiting(String, String, String)}, with the call's attempts so far. */
  public static StepBeat waiting(String progress, String why, String step, List<AttemptSpan> attempts) {
    return new StepBeat(progress, why, step, Optional.empty(), attempts);
  }

  /** The beat of a running call, with what its units showed so far where they were sampled. */
  public static StepBeat running(String progress, String step, Optional<UnitTelemetry> telemetry) {
    return running(progress, step, telemetry, List.of());
  }

  /**
   * As {@link #running(String, String, Optional)}, with the call's attempts so far: a beat that carries attempts
   * names its step, so the API can tell whose they are.
   */
  public static StepBeat running(String progress, String step, Optional<UnitTelemetry> telemetry,
      List<AttemptSpan> attempts) {
    return telemetry.isEmpty() && attempts.isEmpty() ? ofProgress(progress)
        : new StepBeat(progress, "", step, telemetry, attempts);
  }
}

package io.nightshift.workflows.activities;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a step call's heartbeat carries: the tool's last progress, which a retry resumes from, and while the call
 * waits for its pool's units, why it waits (for the task view). Waiting never overwrites progress, so a retry
 * that queued first still resumes where the attempt before it stopped.
 *
 * @param progress the tool's last reported progress, empty for none
 * @param waiting  why the call is not running yet, empty once it runs
 * @param step     the step whose call waits (a map chunk's name has its index: {@code dock[12]}), so a reader of
 *                 the pending activities can tell which step of the task it is; empty once it runs
 */
public record StepBeat(String progress, String waiting, String step) {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public StepBeat {
    progress = progress == null ? "" : progress;
    waiting = waiting == null ? "" : waiting;
    step = step == null ? "" : step;
  }

  /** Heartbeats recorded before waits were reported carry the progress alone, as a string. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static StepBeat ofProgress(String progress) {
    return new StepBeat(progress, "", "");
  }
}

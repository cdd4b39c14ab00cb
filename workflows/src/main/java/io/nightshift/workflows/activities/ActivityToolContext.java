package io.nightshift.workflows.activities;

import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.tool.ToolContext;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tool's view of the activity it runs in. The tool reports progress with {@link #heartbeat}; a timer thread
 * forwards the latest progress to Temporal (which throttles it), and when Temporal answers that the activity was
 * cancelled or timed out, the tool's next heartbeat throws and its thread is interrupted, so long work stops
 * promptly.
 */
final class ActivityToolContext implements ToolContext {
  private final ToolFiles files;
  private final String idempotencyKey;
  private final Supplier<Path> workDir;
  private final Thread toolThread;
  private final String resumeFrom;
  private final String step;
  private final HeldUnits held;
  private final Optional<Notebook> notebook;
  private final CallAttempts attempts;
  private volatile String progress;
  private volatile ActivityCompletionException ended;
  private volatile boolean pastRunLimit;

  /**
   * @param step     the step whose call this is, named in beats that carry its units' telemetry; empty for none
   * @param notebook the calling agent's notes; empty for a step's tool
   * @param attempts the call's attempts, which every beat carries; {@link CallAttempts#none()} for no step's call
   */
  ActivityToolContext(ToolFiles files, String idempotencyKey, Supplier<Path> workDir, Thread toolThread,
      String resumeFrom, String step, HeldUnits held, Optional<Notebook> notebook, CallAttempts attempts) {
    this.attempts = attempts;
    this.step = step;
    this.held = held;
    this.notebook = notebook;
    this.files = files;
    this.idempotencyKey = idempotencyKey;
    this.workDir = workDir;
    this.toolThread = toolThread;
    this.resumeFrom = resumeFrom;
    // until the tool reports anew, a retry resumes from the same place as this attempt
    this.progress = resumeFrom;
  }

  @Override
  public Optional<String> resumeFrom() {
    return Optional.ofNullable(resumeFrom);
  }

  @Override
  public Optional<LeasedUnits> units() {
    return held.units();
  }

  @Override
  public Optional<Notebook> notebook() {
    return notebook;
  }

  @Override
  public ArtifactStore artifacts() {
    return files.artifacts();
  }

  @Override
  public Optional<Path> inputsDir() {
    return files.inputsDir();
  }

  @Override
  public EgressPolicy egress() {
    return files.egress();
  }

  @Override
  public String idempotencyKey() {
    return idempotencyKey;
  }

  @Override
  public Path workDir() {
    return workDir.get();
  }

  @Override
  public void heartbeat(String progress) {
    this.progress = progress;
    if (ended != null) {
      throw ToolException.permanent("activity cancelled: " + ended.getMessage());
    }
    if (pastRunLimit) {
      throw ToolException.permanent("stopped: past the run limit");
    }
  }

  /** The run limit passed: the tool's next heartbeat throws and its thread is interrupted. */
  void stopAtRunLimit() {
    pastRunLimit = true;
    toolThread.interrupt();
  }

  boolean pastRunLimit() {
    return pastRunLimit;
  }

  /** How Temporal ended the activity under the tool (cancelled, timed out), if it did. */
  Optional<ActivityCompletionException> ended() {
    return Optional.ofNullable(ended);
  }

  /**
   * Sends the latest progress, and the call's attempts with this one's end, now, unthrottled by the timer: called
   * as the attempt ends, so they are not lost.
   */
  void flush(ActivityExecutionContext activity) {
    if (progress != null || !attempts.list().isEmpty()) {
      beat(activity);
    }
  }

  void beat(ActivityExecutionContext activity) {
    if (ended != null) {
      return;
    }
    try {
      // the telemetry is a summary the sampler keeps up to date; reading it here never asks the hardware
      activity.heartbeat(StepBeat.running(progress, step, held.telemetry(), attempts.list()));
      held.renew();
    } catch (ActivityCompletionException e) {
      ended = e;
      toolThread.interrupt();
    } catch (RuntimeException e) {
      // a failed heartbeat RPC is retried on the next beat; the server's heartbeat timeout is the real judge
    }
  }
}

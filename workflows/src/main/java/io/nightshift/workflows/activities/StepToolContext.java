package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolContext;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tool's view of its activity. The tool reports progress with {@link #heartbeat}; a timer thread forwards
 * the latest progress to Temporal (which throttles it), and when Temporal answers that the step was cancelled
 * or timed out, the tool's next heartbeat throws and its thread is interrupted, so long work stops promptly.
 */
final class StepToolContext implements ToolContext {
  private final ArtifactStore artifacts;
  private final String idempotencyKey;
  private final Supplier<Path> workDir;
  private final Thread toolThread;
  private final String resumeFrom;
  private volatile String progress;
  private volatile boolean cancelled;

  StepToolContext(ArtifactStore artifacts, String idempotencyKey, Supplier<Path> workDir, Thread toolThread,
      String resumeFrom) {
    this.artifacts = artifacts;
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

  /** Sends the latest progress now, unthrottled by the timer: called as the attempt ends, so it is not lost. */
  void flush(ActivityExecutionContext activity) {
    if (progress != null && !cancelled) {
      beat(activity);
    }
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
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
    if (cancelled) {
      throw ToolException.permanent("step cancelled");
    }
  }

  boolean cancelled() {
    return cancelled;
  }

  void beat(ActivityExecutionContext activity) {
    if (cancelled) {
      return;
    }
    try {
      activity.heartbeat(progress == null ? "" : progress);
    } catch (ActivityCompletionException e) {
      cancelled = true;
      toolThread.interrupt();
    } catch (RuntimeException e) {
      // a failed heartbeat RPC is retried on the next beat; the server's heartbeat timeout is the real judge
    }
  }
}

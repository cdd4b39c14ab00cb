package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.memory.Notebook;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool inside the current Temporal activity, for every kind of caller (a pipeline step, an agent's tool
 * call): the tool gets a scratch directory made on first use and removed afterwards, the progress of the
 * previous attempt's last heartbeat to resume from, and heartbeats sent on its behalf so a dead worker is noticed
 * within the heartbeat timeout. When Temporal cancels the activity or times it out, the tool's thread is
 * interrupted and the run ends with Temporal's own {@link io.temporal.client.ActivityCompletionException}, which
 * callers must let through rather than report as the tool's failure.
 */
public final class ActivityToolRunner {
  /**
   * How often a running tool's progress is sent to Temporal (which throttles it further): well below the 10 s
   * heartbeat timeout of steps ({@code ActivityPolicies}) and agents' tool calls ({@code AgentActivityPolicies}), so
   * one lost beat does not fail the attempt.
   */
  public static final long HEARTBEAT_EVERY_MILLIS = 2_000;
  /** Failure type of an attempt stopped at its run limit (retryable, as Temporal's own timeouts are). */
  public static final String RUN_LIMIT = "StepRunLimit";
  private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "nightshift-heartbeats");
    t.setDaemon(true);
    return t;
  });

  private final ToolFiles files;
  private final long heartbeatEveryMillis;

  /**
   * @param files where the tool's files live: artifact store, scratch root, inputs directory
   * @param heartbeatEveryMillis how often progress goes to Temporal; well below the activities' heartbeat timeout
   */
  public ActivityToolRunner(ToolFiles files, long heartbeatEveryMillis) {
    this.files = files;
    this.heartbeatEveryMillis = heartbeatEveryMillis;
  }

  /**
   * Runs the tool; a {@link io.nightshift.core.error.ToolException} or other failure of the tool is thrown as the
   * tool threw it, for the caller to map.
   *
   * @param scratchPrefix the start of the scratch directory's name, to tell whose it is
   */
  public ToolOutput run(Tool tool, ToolArguments arguments, String idempotencyKey, String scratchPrefix) {
    return run(tool, arguments, idempotencyKey, scratchPrefix, "", HeldUnits.none(), Duration.ZERO,
        Optional.empty(), CallAttempts.none());
  }

  /**
   * Runs an agent's tool call: as {@link #run(Tool, ToolArguments, String, String)}, with the agent's notebook
   * for the memory tools ({@link io.nightshift.core.tool.ToolContext#notebook()}); empty for other tools.
   */
  public ToolOutput run(Tool tool, ToolArguments arguments, String idempotencyKey, String scratchPrefix,
      Optional<Notebook> notebook) {
    return run(tool, arguments, idempotencyKey, scratchPrefix, "", HeldUnits.none(), Duration.ZERO, notebook,
        CallAttempts.none());
  }

  /**
   * Runs a step's tool on units its call holds: the tool sees them through its context, each heartbeat that
   * reaches Temporal renews them and carries what they showed so far.
   *
   * @param step     the step (a map chunk's name has its index): its scratch directory starts with it, and beats
   *                 that carry its units' telemetry name it
   * @param runLimit how long the tool may run, {@link Duration#ZERO} for no limit but the activity's own: a call
   *                 that waited at its pool keeps its full limit from when it got its units. Past it the tool is
   *                 stopped and the attempt fails as retryable {@value #RUN_LIMIT}, as a Temporal timeout would
   * @param attempts the call's attempts, which every beat carries; a failing attempt ends its own in them and
   *                 beats them before the failure is thrown, so the next attempt learns how it ended
   */
  public ToolOutput run(Tool tool, ToolArguments arguments, String idempotencyKey, String step, HeldUnits held,
      Duration runLimit, CallAttempts attempts) {
    return run(tool, arguments, idempotencyKey, step, held, runLimit, attempts, files.artifacts());
  }

  /**
   * As {@link #run(Tool, ToolArguments, String, String, HeldUnits, Duration, CallAttempts)}, the tool seeing
   * {@code artifacts} as its store (the worker's, serving the call's chunks too: {@link SliceInputs}).
   */
  ToolOutput run(Tool tool, ToolArguments arguments, String idempotencyKey, String step, HeldUnits held,
      Duration runLimit, CallAttempts attempts, ArtifactStore artifacts) {
    ToolFiles callFiles = artifacts == files.artifacts() ? files : files.withArtifacts(artifacts);
    return run(callFiles, tool, arguments, idempotencyKey, step + "-", step, held, runLimit, Optional.empty(),
        attempts);
  }

  private ToolOutput run(Tool tool, ToolArguments arguments, String idempotencyKey, String scratchPrefix,
      String step, HeldUnits held, Duration runLimit, Optional<Notebook> notebook, CallAttempts attempts) {
    return run(files, tool, arguments, idempotencyKey, scratchPrefix, step, held, runLimit, notebook, attempts);
  }

  private ToolOutput run(ToolFiles files, Tool tool, ToolArguments arguments, String idempotencyKey,
      String scratchPrefix, String step, HeldUnits held, Duration runLimit, Optional<Notebook> notebook,
      CallAttempts attempts) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    String resumeFrom = lastProgress(activity).orElse(null);
    try (ScratchDirectory scratch = new ScratchDirectory(files.scratchRoot(), scratchPrefix)) {
      ActivityToolContext context = new ActivityToolContext(files, idempotencyKey, scratch::path,
          Thread.currentThread(), resumeFrom, step, held, notebook, attempts);
      // the first beat waits one interval: a short tool then costs the server no heartbeat write at all (measured
      // at 1.37x the baseline's time per activity in bench/), while a dead worker is still noticed within the timeout
      ScheduledFuture<?> beat = HEARTBEATS.scheduleAtFixedRate(() -> context.beat(activity), heartbeatEveryMillis,
          heartbeatEveryMillis, TimeUnit.MILLISECONDS);
      Optional<ScheduledFuture<?>> limit = runLimit.isZero() ? Optional.empty()
          : Optional.of(HEARTBEATS.schedule(context::stopAtRunLimit, runLimit.toMillis(), TimeUnit.MILLISECONDS));
      try {
        ToolOutput out = tool.execute(context, arguments);
        if (context.pastRunLimit()) {
          throw pastLimit(runLimit); // it ignored the stop; its late answer does not count
        }
        return out;
      } catch (RuntimeException e) {
        RuntimeException thrown = context.ended().isPresent() ? context.ended().get()
            : context.pastRunLimit() ? pastLimit(runLimit) : e;
        attempts.ended(why(thrown), System.currentTimeMillis());
        context.flush(activity);
        throw thrown;
      } finally {
        beat.cancel(false);
        limit.ifPresent(f -> f.cancel(false));
        Thread.interrupted(); // clear an interrupt meant for the tool, so it does not leak into the worker thread
      }
    }
  }

  /** Why an attempt failed, in one line: the exception's own message where it has one. */
  static String why(Throwable failure) {
    String message = failure instanceof ApplicationFailure af ? af.getOriginalMessage() : failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  private static ApplicationFailure pastLimit(Duration runLimit) {
    return ApplicationFailure.newFailure("the tool ran past its time limit of " + runLimit + " and was stopped",
        RUN_LIMIT);
  }

  /** The progress the previous attempt of this call last reported, if any. */
  public static Optional<String> lastProgress(ActivityExecutionContext activity) {
    return activity.getHeartbeatDetails(StepBeat.class).map(StepBeat::progress).filter(p -> !p.isBlank());
  }
}

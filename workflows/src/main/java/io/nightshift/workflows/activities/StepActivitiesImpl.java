package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool for a step, through the {@link ActivityToolRunner} (heartbeats, cancellation, resume, scratch).
 * Maps the tool's error classes onto Temporal's retry semantics: a permanent {@link ToolException} fails the step
 * at once, a retryable one (or any unexpected exception) is retried by the step's policy.
 */
public final class StepActivitiesImpl implements StepActivities {
  private static final Logger log = LoggerFactory.getLogger(StepActivitiesImpl.class);

  private final Function<String, Optional<Tool>> tools;
  private final ArtifactStore artifacts;
  private final ActivityToolRunner runner;
  private final UnitAdmission admission;

  /** For the control workers' queue: steps there hold no pool units. */
  public StepActivitiesImpl(Function<String, Optional<Tool>> tools, ToolFiles files, long heartbeatEveryMillis) {
    this(tools, files, heartbeatEveryMillis, UnitAdmission.none());
  }

  /** @param admission how a call gets the units its demand names before its tool runs (a pool's queue and lease) */
  public StepActivitiesImpl(Function<String, Optional<Tool>> tools, ToolFiles files, long heartbeatEveryMillis,
      UnitAdmission admission) {
    this.tools = tools;
    this.artifacts = files.artifacts();
    this.runner = new ActivityToolRunner(files, heartbeatEveryMillis);
    this.admission = admission;
  }

  @Override
  public StepOutput runStep(StepInput input) {
    Tool tool = tools.apply(input.tool()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
        "this worker has no tool '" + input.tool() + "' (step '" + input.step() + "')", UNKNOWN_TOOL));
    ActivityExecutionContext activity = Activity.getExecutionContext();
    int attempt = activity.getInfo().getAttempt();
    CallAttempts attempts = CallAttempts.begin(activity.getInfo(), activity.getHeartbeatDetails(StepBeat.class),
        System.currentTimeMillis());
    if (attempt > 1) {
      // a retry's start is beaten at once, so it is known even if this attempt dies before its first timed beat;
      // a first attempt waits for that beat (a short call then costs no heartbeat write: see ActivityToolRunner),
      // and the task's own start of the step stands in for it where it never came
      activity.heartbeat(StepBeat.running(ActivityToolRunner.lastProgress(activity).orElse(""), input.step(),
          Optional.empty(), attempts.list()));
    }
    try (HeldUnits held = admit(input, activity, attempt, attempts)) {
      log.info("running step '{}' of task {} with {} (attempt {}{})", input.step(), input.taskId(), input.tool(),
          attempt, held.units().map(u -> ", on " + u.devices().size() + " leased unit(s) " + u.environment())
              .orElse(""));
      long started = System.nanoTime();
      // a map's chunk comes as a slice of its table: the tool sees it as the chunk artifact it stands for
      SliceInputs inputs = SliceInputs.of(artifacts, input.params());
      ToolOutput out = runner.run(tool, new ToolArguments(inputs.params()), input.idempotencyKey(), input.step(),
          held, Duration.ofMillis(input.demand().runLimitMillis()), attempts, inputs.artifacts());
      inputs.keep(out.artifact());
      log.info("finished step '{}' of task {} in {} ms: {}", input.step(), input.taskId(),
          (System.nanoTime() - started) / 1_000_000, out.summary());
      StepOutput done = StepOutput.of(out.artifact(), out.summary(), attempt).measured(held);
      List<AttemptSpan> all = attempts.ended("", System.currentTimeMillis());
      // a first try's times are the workflow's own (it started the step, it learnt the end): the result of the
      // common case, a map's thousands of chunks among them, stays as it was
      return attempt > 1 ? done.withAttempts(all) : done;
    } catch (ToolException e) {
      AttemptTrail trail = failed(activity, input, attempts, e.getMessage());
      if (e.retryable()) {
        log.warn("step '{}' of task {} failed, will retry: {}", input.step(), input.taskId(), e.getMessage());
        throw ApplicationFailure.newFailureWithCause(e.getMessage(), "ToolTransientError", e, trail);
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), TOOL_INPUT_ERROR, trail);
    } catch (ActivityCompletionException e) {
      throw e; // Temporal ended the attempt itself (cancelled, timed out): nothing to report to it
    } catch (ApplicationFailure e) {
      AttemptTrail trail = failed(activity, input, attempts, ActivityToolRunner.why(e));
      throw e.getDetails().getSize() > 0 ? e : ApplicationFailure.newBuilder(e).setDetails(trail).build();
    } catch (RuntimeException e) {
      // as Temporal would report it (the exception's class as the type, so a policy's non-retryable types still
      // match), with the attempts as details
      AttemptTrail trail = failed(activity, input, attempts, ActivityToolRunner.why(e));
      throw ApplicationFailure.newFailureWithCause(e.getMessage(), e.getClass().getName(), e, trail);
    }
  }

  /**
   * Ends this attempt in the call's attempts and beats them (the runner did so already for a tool's failure; this
   * covers failures before the tool ran): the SDK hands the last beat to Temporal with the failure, so the next
   * attempt learns how this one ended. Returns them, for the failure's details.
   */
  private static AttemptTrail failed(ActivityExecutionContext activity, StepInput input, CallAttempts attempts,
      String why) {
    List<AttemptSpan> all = attempts.ended(why, System.currentTimeMillis());
    try {
      activity.heartbeat(StepBeat.running(ActivityToolRunner.lastProgress(activity).orElse(""), input.step(),
          Optional.empty(), all));
    } catch (RuntimeException e) {
      // Temporal has ended the attempt meanwhile (or the beat's call failed): the failure's details still tell
    }
    return new AttemptTrail(all);
  }

  /**
   * Waits for the call's units, heartbeating why it waits; the previous attempt's progress rides along unchanged,
   * so a retry that queued first still resumes from it.
   */
  private HeldUnits admit(StepInput input, ActivityExecutionContext activity, int attempt, CallAttempts attempts) {
    if (!input.demand().holdsUnits()) {
      return HeldUnits.none();
    }
    String progress = ActivityToolRunner.lastProgress(activity).orElse("");
    try {
      return admission.admit(input.taskId() + "/" + input.step() + "#" + attempt, input.demand(),
          why -> activity.heartbeat(StepBeat.waiting(progress, why, input.step(), attempts.list())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while waiting for "
          + input.demand().units() + " unit(s) for step '" + input.step() + "'", "UnitWaitInterrupted");
    }
  }
}

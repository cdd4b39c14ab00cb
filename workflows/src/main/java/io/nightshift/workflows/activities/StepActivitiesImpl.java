package io.nightshift.workflows.activities;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
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
    this.runner = new ActivityToolRunner(files, heartbeatEveryMillis);
    this.admission = admission;
  }

  @Override
  public StepOutput runStep(StepInput input) {
    Tool tool = tools.apply(input.tool()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
        "this worker has no tool '" + input.tool() + "' (step '" + input.step() + "')", UNKNOWN_TOOL));
    ActivityExecutionContext activity = Activity.getExecutionContext();
    int attempt = activity.getInfo().getAttempt();
    try (HeldUnits held = admit(input, activity, attempt)) {
      log.info("running step '{}' of task {} with {} (attempt {}{})", input.step(), input.taskId(), input.tool(),
          attempt, held.units().map(u -> ", on " + u.devices().size() + " leased unit(s) " + u.environment())
              .orElse(""));
      long started = System.nanoTime();
      ToolOutput out = runner.run(tool, new ToolArguments(input.params()), input.idempotencyKey(), input.step(),
          held, Duration.ofMillis(input.demand().runLimitMillis()));
      log.info("finished step '{}' of task {} in {} ms: {}", input.step(), input.taskId(),
          (System.nanoTime() - started) / 1_000_000, out.summary());
      return StepOutput.of(out.artifact(), out.summary(), attempt).measured(held);
    } catch (ToolException e) {
      if (e.retryable()) {
        log.warn("step '{}' of task {} failed, will retry: {}", input.step(), input.taskId(), e.getMessage());
        throw ApplicationFailure.newFailureWithCause(e.getMessage(), "ToolTransientError", e);
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), TOOL_INPUT_ERROR);
    }
  }

  /**
   * Waits for the call's units, heartbeating why it waits; the previous attempt's progress rides along unchanged,
   * so a retry that queued first still resumes from it.
   */
  private HeldUnits admit(StepInput input, ActivityExecutionContext activity, int attempt) {
    if (!input.demand().holdsUnits()) {
      return HeldUnits.none();
    }
    String progress = ActivityToolRunner.lastProgress(activity).orElse("");
    try {
      return admission.admit(input.taskId() + "/" + input.step() + "#" + attempt, input.demand(),
          why -> activity.heartbeat(StepBeat.waiting(progress, why, input.step())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while waiting for "
          + input.demand().units() + " unit(s) for step '" + input.step() + "'", "UnitWaitInterrupted");
    }
  }
}

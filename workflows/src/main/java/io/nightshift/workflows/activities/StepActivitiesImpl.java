package io.nightshift.workflows.activities;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
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

  public StepActivitiesImpl(Function<String, Optional<Tool>> tools, ToolFiles files, long heartbeatEveryMillis) {
    this.tools = tools;
    this.runner = new ActivityToolRunner(files, heartbeatEveryMillis);
  }

  @Override
  public StepOutput runStep(StepInput input) {
    Tool tool = tools.apply(input.tool()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
        "this worker has no tool '" + input.tool() + "' (step '" + input.step() + "')", UNKNOWN_TOOL));
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    log.info("running step '{}' of task {} with {} (attempt {})", input.step(), input.taskId(), input.tool(), attempt);
    long started = System.nanoTime();
    try {
      ToolOutput out = runner.run(tool, new ToolArguments(input.params()), input.idempotencyKey(),
          input.step() + "-");
      log.info("finished step '{}' of task {} in {} ms: {}", input.step(), input.taskId(),
          (System.nanoTime() - started) / 1_000_000, out.summary());
      return StepOutput.of(out.artifact(), out.summary(), attempt);
    } catch (ToolException e) {
      if (e.retryable()) {
        log.warn("step '{}' of task {} failed, will retry: {}", input.step(), input.taskId(), e.getMessage());
        throw ApplicationFailure.newFailureWithCause(e.getMessage(), "ToolTransientError", e);
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), TOOL_INPUT_ERROR);
    }
  }
}

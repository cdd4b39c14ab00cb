package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.dag.DagScheduler;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.FailureMessages;
import io.nightshift.workflows.engine.HistoryBudget;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one plan version's DAG: ready steps start (up to the parallel window, none while the task is paused), a
 * step starts only after all it needs succeeded. When a step fails for good, no new step starts and running ones
 * finish (their results are kept). When the history grows past its budget, it drains running steps and returns
 * with the DAG unfinished. Workflow code.
 */
final class DagLoop {
  /** The first step of a plan that failed for good: its error, and the failure type (null when it had none). */
  record Failure(String step, String error, String type) {
    String message() {
      return "step '" + step + "' failed: " + error;
    }
  }

  private final ProgressBook book;
  private final TaskHolds holds;
  private final TaskSettings settings;

  DagLoop(ProgressBook book, TaskHolds holds, TaskSettings settings) {
    this.book = book;
    this.holds = holds;
    this.settings = settings;
  }

  /**
   * Runs the DAG until it finishes, a step fails for good, or history asks for a cut-over (then returns with the
   * DAG unfinished and nothing running). Returns the first step that failed for good.
   */
  Optional<Failure> run(Plan plan, DagScheduler dag, StepLauncher launcher) {
    Map<String, Promise<StepOutput>> running = new LinkedHashMap<>();
    Failure failure = null;
    boolean drain = false;
    while (true) {
      if (failure == null && !drain && !holds.isPaused()) {
        for (String name : dag.ready()) {
          if (running.size() >= settings.maxParallelSteps()) {
            break;
          }
          dag.started(name);
          book.stepStarted(name, Workflow.currentTimeMillis());
          running.put(name, launcher.launch(plan.step(name), book.outputs()));
        }
      }
      if (running.isEmpty() && (failure != null || drain || dag.isFinished())) {
        break;
      }
      int seen = holds.changes();
      Workflow.await(() -> holds.changes() != seen || running.values().stream().anyMatch(Promise::isCompleted));
      for (String name : List.copyOf(running.keySet())) {
        if (running.get(name).isCompleted()) {
          Optional<Failure> failed = collect(name, running.remove(name), plan.step(name), dag);
          if (failed.isPresent() && failure == null) {
            failure = failed.get();
          }
        }
      }
      drain = drain || HistoryBudget.exceeded(settings.historyBudget());
    }
    if (failure != null) {
      dag.stopRemaining(StepState.SKIPPED, false);
    }
    return Optional.ofNullable(failure);
  }

  /** Records a finished step; returns its failure when it failed the plan (not with continue_on_error). */
  private Optional<Failure> collect(String name, Promise<StepOutput> p, PlannedStep step, DagScheduler dag) {
    try {
      StepOutput out = p.get();
      dag.succeeded(name);
      book.stepSucceeded(name, out, Workflow.currentTimeMillis());
      return Optional.empty();
    } catch (CanceledFailure c) {
      throw c;
    } catch (TemporalFailure e) {
      // activity and child failures, and the engine's own refusals raised inside a step's workflow thread
      if (e.getCause() instanceof CanceledFailure c) {
        throw c;
      }
      String message = FailureMessages.of(e);
      dag.failed(name);
      book.stepFailed(name, message, lastAttempt(e, step), ReportedAttempts.of(e), Workflow.currentTimeMillis());
      return step.policy().continueOnError() ? Optional.empty()
          : Optional.of(new Failure(name, message, failureType(e)));
    }
  }

  /**
   * The attempt a step's call failed on, where the failure tells: Temporal gave up at the step's most attempts. 0
   * where it does not (a permanent failure ends whichever attempt it came on; Temporal does not say which).
   */
  private static int lastAttempt(TemporalFailure e, PlannedStep step) {
    if (e instanceof ActivityFailure a && a.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
      return step.policy().maxAttempts() > 0 ? step.policy().maxAttempts() : ActivityPolicies.STEP_MAX_ATTEMPTS;
    }
    return 0;
  }

  private static String failureType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return af.getType();
      }
    }
    return null;
  }
}

package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.PlanningActivities;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.dag.DagScheduler;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.FailureMessages;
import io.nightshift.workflows.engine.HistoryBudget;
import io.nightshift.workflows.task.budget.TaskLedger;
import io.nightshift.workflows.task.budget.TaskLedgerState;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.replan.KeptSteps;
import io.nightshift.workflows.task.replan.Replanning;
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
import java.util.Set;

/**
 * Plans the task, then runs its DAG: ready steps start (up to the parallel window, none while paused), a step
 * starts only after all it needs succeeded. When a step fails for good, no new step starts, running ones finish
 * (their results are kept) and the task fails naming the step, unless the step says continue_on_error, or the
 * task's replan policy lets the planner revise the plan: then the next version runs, keeping the results of
 * identical steps that already succeeded (see {@link Replanning}). When the history grows past its budget the task
 * drains running steps and continues-as-new with its state carried over.
 */
public final class TaskWorkflowImpl implements TaskWorkflow {
  /** Version marker: a pause signalled before the workflow method ran is applied (it was dropped before). */
  static final String EARLY_PAUSE = "early-pause";
  /**
   * Version marker: the listed state (search attribute NightshiftState) shows AWAITING_APPROVAL while a step waits
   * for a person, so a list finds the tasks waiting on someone; before it the list said RUNNING.
   */
  static final String LISTED_AWAITING = "listed-awaiting";
  private final PlanningActivities planning = Workflow.newActivityStub(PlanningActivities.class,
      ActivityPolicies.planning());
  private final TaskHolds holds = new TaskHolds();
  private ProgressBook book;
  private ListedState listing;
  private TaskInput input;
  private StepLauncher launcher;
  /** The task budget's ledger; null for a task without one (every task before task budgets). */
  private TaskLedger ledger;
  private Replanning replanning;
  private Plan plan;
  private DagScheduler dag;
  /** The first permanent failure of the current plan: step, error, failure type. */
  private String failedStep;
  private String failedError;
  private String failedType;

  @Override
  public TaskResult run(TaskInput input) {
    this.input = input;
    Optional<TaskCarry> carried = input.carry();
    this.book = new ProgressBook(input.definition(), carried, Workflow.currentTimeMillis());
    this.listing = new ListedState(input);
    holds.start(book, listing);
    this.replanning = new Replanning(input.definition().planRequest(), input.policies().replan().orElse(null),
        carried.map(TaskCarry::planVersions).orElse(List.of()), planning, holds);
    if (input.policies().budget().isPresent()) {
      Optional<TaskLedgerState> ledgerCarried = carried.flatMap(TaskCarry::ledger);
      ledger = ledgerCarried.isPresent() ? TaskLedger.resumed(ledgerCarried.get())
          : TaskLedger.of(input.policies().budget().get(), book.createdAtMillis());
    }
    if (carried.isEmpty()) {
      listing.publish(TaskState.PLANNING);
      plan = plan();
      dag = new DagScheduler(dependencies(plan));
    } else {
      plan = carried.get().plan();
      dag = new DagScheduler(dependencies(plan), carried.get().steps().states());
    }
    plan = capped(plan);
    replanning.first(plan, Workflow.currentTimeMillis());
    book.planned(plan, dag, Workflow.currentTimeMillis());
    listing.publish(book.visibleState());
    String failure;
    try {
      while (true) {
        launcher = new StepLauncher(input, plan.placement(), holds, ledger);
        failure = execute(plan, dag, launcher);
        if (failure == null || !replanning.applies(plan, failedType)) {
          break;
        }
        String refusal = replan();
        if (refusal != null) {
          failure = failure + "; " + refusal;
          break;
        }
      }
    } catch (CanceledFailure e) {
      dag.stopRemaining(StepState.CANCELLED, true);
      end(TaskState.CANCELLED, null, "cancelled");
      throw e;
    }
    if (failure != null) {
      throw end(TaskState.FAILED, null, failure);
    }
    if (!dag.isFinished()) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      Workflow.continueAsNew(input.continuedWith(book.carry(carried.map(c -> c.runs() + 1).orElse(1),
          replanning.versions(), Optional.ofNullable(ledger).map(TaskLedger::state))));
    }
    ArtifactRef result = lastOutput(plan);
    end(TaskState.SUCCEEDED, result, null);
    return new TaskResult(result, book.outputs(), Optional.ofNullable(ledger).map(TaskLedger::status));
  }

  /**
   * Asks the planner for the next version after the current plan's failure, puts it in place (identical succeeded
   * steps keep their results) and waits for approval when the policy asks. Returns why the task cannot go on, or
   * null when the new version is ready to run.
   */
  private String replan() {
    book.replanning(Workflow.currentTimeMillis());
    listing.publish(TaskState.PLANNING);
    Replanning.Outcome next = replanning.revise(plan, failedStep, failedError);
    if (next.refusal() != null) {
      return next.refusal();
    }
    Plan revised = capped(next.plan());
    Set<String> kept = KeptSteps.of(plan, dag.states(), revised);
    Map<String, StepState> states = new LinkedHashMap<>();
    kept.forEach(k -> states.put(k, StepState.SUCCEEDED));
    replanning.record(revised, failedStep, failedError, kept, Workflow.currentTimeMillis());
    plan = revised;
    dag = new DagScheduler(dependencies(plan), states);
    failedStep = failedError = failedType = null;
    book.replanned(plan, dag, kept, Workflow.currentTimeMillis());
    listing.publish(book.visibleState());
    return replanning.awaitApproval(plan);
  }

  @Override
  public TaskProgress progress() {
    return book == null ? null : book.snapshot(holds.approvals(),
        new PlanHistory(plan == null ? 0 : plan.version(), replanning.versions()),
        Optional.ofNullable(ledger).map(TaskLedger::status));
  }

  @Override
  public void decide(Decision decision) {
    holds.deliver(decision);
  }

  @Override
  public void steer(String guidance) {
    if (launcher != null) {
      launcher.steerAgents(guidance);
    }
  }

  @Override
  public void pause(String reason) {
    holds.pause(reason);
  }

  @Override
  public void resume() {
    holds.resume();
  }

  private Plan plan() {
    try {
      return planning.plan(input.definition().planRequest());
    } catch (ActivityFailure e) {
      throw end(TaskState.FAILED, null, "planning failed: " + FailureMessages.of(e));
    }
  }

  /**
   * Runs the DAG until it finishes, a step fails for good, or history asks for a cut-over (then returns with the
   * DAG unfinished and nothing running). Returns the first permanent failure, or null.
   */
  private String execute(Plan plan, DagScheduler dag, StepLauncher launcher) {
    Map<String, Promise<StepOutput>> running = new LinkedHashMap<>();
    String failure = null;
    boolean drain = false;
    while (true) {
      if (failure == null && !drain && !holds.isPaused()) {
        for (String name : dag.ready()) {
          if (running.size() >= input.settings().maxParallelSteps()) {
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
          String error = collect(name, running.remove(name), plan.step(name), dag);
          if (error != null && failure == null) {
            failure = "step '" + name + "' failed: " + error;
            failedStep = name;
            failedError = error;
          }
        }
      }
      drain = drain || HistoryBudget.exceeded(input.settings().historyBudget());
    }
    if (failure != null) {
      dag.stopRemaining(StepState.SKIPPED, false);
    }
    return failure;
  }

  /** Records a finished step; returns its error when it failed the task. */
  private String collect(String name, Promise<StepOutput> p, PlannedStep step, DagScheduler dag) {
    try {
      StepOutput out = p.get();
      dag.succeeded(name);
      book.stepSucceeded(name, out, Workflow.currentTimeMillis());
      return null;
    } catch (CanceledFailure c) {
      throw c;
    } catch (TemporalFailure e) {
      // activity and child failures, and the engine's own refusals raised inside a step's workflow thread
      if (e.getCause() instanceof CanceledFailure c) {
        throw c;
      }
      String message = FailureMessages.of(e);
      if (failedType == null && !step.policy().continueOnError()) {
        failedType = failureType(e);
      }
      dag.failed(name);
      book.stepFailed(name, message, Workflow.currentTimeMillis());
      return step.policy().continueOnError() ? null : message;
    }
  }

  /** The plan with the task's agent ceiling applied (unchanged without one, as for every task before ceilings). */
  private Plan capped(Plan p) {
    return input.policies().agentCeiling().map(c -> c.cap(p)).orElse(p);
  }

  private static String failureType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return af.getType();
      }
    }
    return null;
  }

  private ApplicationFailure end(TaskState state, ArtifactRef result, String error) {
    book.ended(state, result, error, Workflow.currentTimeMillis());
    Workflow.newDetachedCancellationScope(() -> listing.publish(state)).run();
    if (error == null) {
      return null;
    }
    // a failed child task's spending goes back to its parent in the failure's details (see ChildTaskStep)
    return ledger == null ? ApplicationFailure.newNonRetryableFailure(error, "TaskFailed")
        : ApplicationFailure.newNonRetryableFailure(error, "TaskFailed", ledger.status());
  }

  private ArtifactRef lastOutput(Plan plan) {
    for (int i = plan.steps().size() - 1; i >= 0; i--) {
      ArtifactRef out = book.outputs().get(plan.steps().get(i).name());
      if (out != null) {
        return out;
      }
    }
    return null;
  }

  private static Map<String, List<String>> dependencies(Plan plan) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    plan.steps().forEach(s -> deps.put(s.name(), s.needs()));
    return deps;
  }
}

package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.workflows.activities.PlanningActivities;
import io.nightshift.workflows.dag.DagScheduler;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.FailureMessages;
import io.nightshift.workflows.logging.TaskLogContext;
import io.nightshift.workflows.task.budget.BudgetShares;
import io.nightshift.workflows.task.budget.TaskLedger;
import io.nightshift.workflows.task.budget.WallClockGate;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.nightshift.workflows.task.replan.KeptSteps;
import io.nightshift.workflows.task.replan.PlanVersion;
import io.nightshift.workflows.task.replan.Replanning;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the task, then runs its DAG ({@link DagLoop}). When a step fails for good the task fails naming the step,
 * unless the task's replan policy lets the planner revise the plan: then the next version runs, keeping the results
 * of identical steps that already succeeded (see {@link Replanning}). When the history grows past its budget the
 * task drains running steps and continues-as-new with its state carried over.
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
  /** The task budget's ledger; empty for a task without one (every task before task budgets). */
  private Optional<TaskLedger> ledger = Optional.empty();
  private Replanning replanning;
  private Plan plan;
  private DagScheduler dag;

  @Override
  public TaskResult run(TaskInput input) {
    TaskLogContext.task(Workflow.getInfo().getWorkflowId());
    this.input = input;
    Optional<TaskCarry> carried = input.carry();
    this.book = new ProgressBook(input.definition(), carried, Workflow.currentTimeMillis());
    this.listing = new ListedState(input);
    holds.start(book, listing);
    this.replanning = new Replanning(input.definition().planRequest(), input.policies().replan(),
        carried.map(TaskCarry::planVersions).orElse(List.of()), planning, holds);
    this.ledger = TaskLedger.forTask(input.policies().budget(), carried.flatMap(TaskCarry::ledger),
        book.createdAtMillis());
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
    // a new task's plan, or a fork's (it starts from a carry without a timeline)
    if (carried.flatMap(TaskCarry::timeline).isEmpty()) {
      book.planVersion(latest(replanning.versions()), Workflow.currentTimeMillis());
    }
    book.planned(plan, dag, Workflow.currentTimeMillis());
    listing.publish(book.visibleState());
    Optional<String> failure = runPlans();
    if (failure.isPresent()) {
      throw failed(failure.get());
    }
    if (!dag.isFinished()) {
      Workflow.await(Workflow::isEveryHandlerFinished);
      Workflow.continueAsNew(input.continuedWith(book.carry(carried.map(c -> c.runs() + 1).orElse(1),
          replanning.versions(), ledger.map(TaskLedger::state), launcher.lastDeadlineReport())));
    }
    ArtifactRef result = lastOutput(plan);
    end(TaskState.SUCCEEDED, result, null);
    return new TaskResult(result, book.outputs(), ledger.map(TaskLedger::status));
  }

  /**
   * Runs the plan, and each version the planner revises it into after a failure the policy lets it replan; returns
   * why the task failed.
   */
  private Optional<String> runPlans() {
    DagLoop loop = new DagLoop(book, holds, input.settings());
    // the deadline report the previous run ended with; a revised plan's deadline is watched afresh, as it always was
    Optional<DeadlineReport> deadline = input.carry().flatMap(TaskCarry::deadline);
    try {
      while (true) {
        launcher = new StepLauncher(input, plan, holds, book::mapSplit,
            ledger.map(l -> BudgetShares.of(l, holds)).orElseGet(BudgetShares::none),
            ledger.map(l -> WallClockGate.of(l, holds)).orElseGet(WallClockGate::none), deadline);
        deadline = Optional.empty();
        Optional<DagLoop.Failure> failed = loop.run(plan, dag, launcher);
        if (failed.isEmpty() || !replanning.applies(plan, failed.get().type())) {
          return failed.map(DagLoop.Failure::message);
        }
        Optional<String> refusal = replan(failed.get());
        if (refusal.isPresent()) {
          return Optional.of(failed.get().message() + "; " + refusal.get());
        }
      }
    } catch (CanceledFailure e) {
      dag.stopRemaining(StepState.CANCELLED, true);
      book.stepsCancelled(Workflow.currentTimeMillis());
      end(TaskState.CANCELLED, null, "cancelled");
      throw e;
    }
  }

  /**
   * Asks the planner for the next version after the current plan's failure, puts it in place (identical succeeded
   * steps keep their results) and waits for approval when the policy asks. Returns why the task cannot go on; empty
   * when the new version is ready to run.
   */
  private Optional<String> replan(DagLoop.Failure failed) {
    book.replanning(Workflow.currentTimeMillis());
    listing.publish(TaskState.PLANNING);
    Replanning.Outcome next = replanning.revise(plan, failed.step(), failed.error());
    if (next.refusal() != null) {
      return Optional.of(next.refusal());
    }
    Plan revised = capped(next.plan());
    Set<String> kept = KeptSteps.of(plan, dag.states(), revised);
    Map<String, StepState> states = new LinkedHashMap<>();
    kept.forEach(k -> states.put(k, StepState.SUCCEEDED));
    replanning.record(revised, failed.step(), failed.error(), kept, Workflow.currentTimeMillis());
    plan = revised;
    dag = new DagScheduler(dependencies(plan), states);
    book.replanned(plan, dag, kept, Workflow.currentTimeMillis());
    book.planVersion(latest(replanning.versions()), Workflow.currentTimeMillis());
    listing.publish(book.visibleState());
    return replanning.awaitApproval(plan);
  }

  @Override
  public TaskProgress progress() {
    return book == null ? null : book.snapshot(holds.approvals(),
        new PlanHistory(plan == null ? 0 : plan.version(), replanning.versions()), ledger.map(TaskLedger::status),
        launcher == null ? Optional.empty() : launcher.deadline());
  }

  @Override
  public ForkPoint forkPoint() {
    return book == null ? null
        : new ForkPoint(input.definition(), input.policies(), Optional.ofNullable(plan), book.steps());
  }

  @Override
  public Decision submitDecision(Decision decision) {
    return holds.decide(decision);
  }

  @Override
  public void checkDecision(Decision decision) {
    holds.checkDecision(decision);
  }

  @Override
  public void decide(Decision decision) {
    holds.deliver(decision);
  }

  @Override
  public void steer(String guidance) {
    if (launcher != null) {
      launcher.steerAgents(guidance);
      book.steered(guidance, Workflow.currentTimeMillis());
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
      throw failed("planning failed: " + FailureMessages.of(e));
    }
  }

  /** The plan with the task's agent ceiling applied (unchanged without one, as for every task before ceilings). */
  private Plan capped(Plan p) {
    return input.policies().agentCeiling().map(c -> c.cap(p)).orElse(p);
  }

  private void end(TaskState state, ArtifactRef result, String error) {
    book.ended(state, result, error, Workflow.currentTimeMillis());
    Workflow.newDetachedCancellationScope(() -> listing.publish(state)).run();
  }

  /** Ends the task as failed; the failure to throw carries its budget's figures where it has a budget. */
  private ApplicationFailure failed(String error) {
    end(TaskState.FAILED, null, error);
    // a failed child task's spending goes back to its parent in the failure's details (see ChildTaskStep)
    return ledger.map(l -> ApplicationFailure.newNonRetryableFailure(error, "TaskFailed", l.status()))
        .orElseGet(() -> ApplicationFailure.newNonRetryableFailure(error, "TaskFailed"));
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

  private static PlanVersion latest(List<PlanVersion> versions) {
    return versions.get(versions.size() - 1);
  }

  private static Map<String, List<String>> dependencies(Plan plan) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    plan.steps().forEach(s -> deps.put(s.name(), s.needs()));
    return deps;
  }
}

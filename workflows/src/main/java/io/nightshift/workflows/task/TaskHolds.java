package io.nightshift.workflows.task;

import io.nightshift.core.budget.CostLimit;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.control.TaskControl;
import io.temporal.workflow.Workflow;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What holds a task back: a pause, and steps waiting for a person's decision. The pause and resume signals and the
 * submitDecision update change it (the decide signal only in histories recorded before that update); the task's
 * helpers use it through {@link TaskControl}, and it keeps the task's listed state in step. Counts every change, so
 * the DAG loop wakes up for it.
 */
final class TaskHolds implements TaskControl {
  private final Approvals approvals = new Approvals();
  private ProgressBook book;
  private ListedState listing;
  /**
   * A pause that arrived before the task made its book: a signal in the task's first workflow task (sent with
   * signal-with-start, or a reset that keeps signals). Applied as soon as the book exists, so it is never lost.
   */
  private String earlyPause;
  private int changes;

  /** Called once the task has its book; applies a pause that came before it. */
  void start(ProgressBook book, ListedState listing) {
    this.book = book;
    this.listing = listing;
    approvals.onWaitingChanged(this::refreshListing);
    // tasks that started before this change dropped such a pause; they must replay as they ran
    if (earlyPause != null && Workflow.getVersion(TaskWorkflowImpl.EARLY_PAUSE, Workflow.DEFAULT_VERSION, 1) == 1) {
      book.paused(true, earlyPause, Workflow.currentTimeMillis());
    }
  }

  @Override
  public void pause(String reason) {
    String why = reason == null || reason.isBlank() ? "paused by request" : reason;
    if (book == null) {
      earlyPause = why;
      return;
    }
    if (!book.visibleState().isFinal()) {
      book.paused(true, why, Workflow.currentTimeMillis());
      changes++;
      listing.publish(book.visibleState());
    }
  }

  @Override
  public void resume() {
    if (book == null) {
      earlyPause = null;
      return;
    }
    if (book.isPaused()) {
      book.paused(false, null, Workflow.currentTimeMillis());
      changes++;
      listing.publish(book.visibleState());
      refreshListing(); // a task resumed while a step still waits is listed as awaiting again
    }
  }

  @Override
  public Optional<Decision> awaitDecision(String step, String why, BooleanSupplier moot) {
    book.awaiting(step, why, Workflow.currentTimeMillis());
    return approvals.await(step, why, moot);
  }

  /** Hands a decision to the step waiting for it; one for a step that waits for none is ignored (the signal). */
  void deliver(Decision decision) {
    Decision recorded = decision.at(Workflow.currentTimeMillis());
    if (approvals.deliver(recorded)) {
      book.decided(recorded, Workflow.currentTimeMillis());
      changes++;
    }
  }

  /** Refuses a decision for a step that is not waiting for one, naming those that are (the update's validator). */
  void checkWaiting(Decision decision) {
    if (decision == null || !approvals.waitsFor(decision.step())) {
      Set<String> waiting = approvals.waiting().keySet();
      throw new IllegalArgumentException("step '" + (decision == null ? null : decision.step()) + "' of task '"
          + Workflow.getInfo().getWorkflowId() + "' is not waiting for a decision; waiting: "
          + (waiting.isEmpty() ? "none" : waiting));
    }
  }

  /**
   * The update's validator: the step must wait, and a raised cost must read as the API reads one, so a caller that
   * goes around the API has its update refused rather than handing the task a limit it cannot use. Only here:
   * validators do not run on replay, so decisions a task accepted before this check replay as they ran.
   */
  void checkDecision(Decision decision) {
    checkWaiting(decision);
    if (decision.maxCost() != null) {
      try {
        CostLimit.parse(decision.maxCost());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("max_cost " + e.getMessage());
      }
    }
  }

  /** Hands a decision to the step waiting for it (the update, after {@link #checkDecision}); returns it as recorded. */
  Decision decide(Decision decision) {
    checkWaiting(decision);
    Decision recorded = decision.at(Workflow.currentTimeMillis());
    approvals.deliver(recorded);
    book.decided(recorded, Workflow.currentTimeMillis());
    changes++;
    return recorded;
  }

  /** Counts pauses, resumes and decisions, for the DAG loop's wait. */
  int changes() {
    return changes;
  }

  boolean isPaused() {
    return book.isPaused();
  }

  Approvals approvals() {
    return approvals;
  }

  private void refreshListing() {
    listing.refresh(book.visibleState(), !approvals.waiting().isEmpty());
  }
}

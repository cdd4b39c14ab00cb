package io.nightshift.workflows.task.control;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the task's helpers (its steps, budget and replanning) may do to the task they run in: pause and resume it,
 * and hold a step for a person's decision. The task workflow hands this to them, never itself. Workflow code: call it
 * from a workflow thread; the waits block that thread only.
 */
public interface TaskControl {
  /** Starts no new step until {@link #resume()}, with {@code reason} shown; running steps go on. */
  void pause(String reason);

  void resume();

  /**
   * Blocks the calling workflow thread until a person decides on {@code step} (shown as awaiting, with {@code why}),
   * or until {@code moot} holds: what the step waits for was settled another way (say a raise approved on another
   * step). Then it returns empty and the step no longer shows as waiting.
   */
  Optional<Decision> awaitDecision(String step, String why, BooleanSupplier moot);

  default Decision awaitDecision(String step, String why) {
    return awaitDecision(step, why, () -> false).orElseThrow();
  }

  /**
   * The one way a step holds for a person: pauses the task when {@code ask} says so, waits for the decision (or for
   * {@code moot}), resumes the task, and returns the approval; a rejection fails the calling step with a
   * non-retryable {@code ask.rejectedType()} failure that names who rejected it and why.
   */
  default Optional<Decision> awaitApproval(Approval ask, BooleanSupplier moot) {
    if (ask.pausesTask()) {
      pause(ask.why());
    }
    Optional<Decision> d = awaitDecision(ask.step(), ask.why(), moot);
    if (ask.pausesTask()) {
      resume();
    }
    if (d.isPresent() && !d.get().approved()) {
      throw ApplicationFailure.newNonRetryableFailure(d.get().rejection(ask.subject()), ask.rejectedType());
    }
    return d;
  }

  default Decision awaitApproval(Approval ask) {
    return awaitApproval(ask, () -> false).orElseThrow();
  }
}

package io.nightshift.workflows.task.control;

/**
 * What a step asks a person to approve, and what a rejection means.
 *
 * @param step         the step decided on (ApproveTask / RejectTask name it)
 * @param why          what it waits for, shown in the task view (and as the pause reason when it pauses the task)
 * @param subject      what a rejection refuses, for the failure message ("budget raise for step 'x'"); empty for
 *                     the step itself
 * @param rejectedType the failure type a rejection fails the step with
 * @param pausesTask   whether the task pauses while the step waits (no new step starts), as on a budget stop
 */
public record Approval(String step, String why, String subject, String rejectedType, boolean pausesTask) {
  /** A person refused to let a gated step start. */
  public static final String STEP_REJECTED = "StepRejected";
  /** A person refused to raise or extend a budget. */
  public static final String BUDGET_REJECTED = "BudgetRejected";

  /** An approval gate: the step waits before it starts while the rest of the task goes on. */
  public static Approval gate(String step) {
    return new Approval(step, "approval required before step '" + step + "' starts", "", STEP_REJECTED, false);
  }

  /** A budget stop: the task pauses with {@code why} until a person raises the budget ({@code subject}) or not. */
  public static Approval budget(String step, String why, String subject) {
    return new Approval(step, why, subject, BUDGET_REJECTED, true);
  }
}

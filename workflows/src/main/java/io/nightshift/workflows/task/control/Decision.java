package io.nightshift.workflows.task.control;

/**
 * A person's decision on a step that waits for one: an approval gate, an agent or a task that ran out of budget, or
 * a revised plan.
 *
 * @param step       the step decided on
 * @param approved   go on, or not (the step then fails with the comment)
 * @param comment    why, in the decider's words (recorded in the task)
 * @param by         who decided, as the API caller identified themselves; blank when they did not
 * @param maxTokens  for a budget stop: the new total token budget, 0 to keep it
 * @param maxCost    for a budget stop: the new total cost budget (decimal text), null to keep it
 * @param atMillis   workflow time the decision arrived (set by the workflow)
 */
public record Decision(String step, boolean approved, String comment, String by, long maxTokens, String maxCost,
    long atMillis) {
  /** This decision as it arrived at workflow time {@code millis}. */
  public Decision at(long millis) {
    return new Decision(step, approved, comment, by, maxTokens, maxCost, millis);
  }

  /** What a rejection of {@code subject} says, naming who rejected it and why: "plan v2 rejected by bob: ...". */
  public String rejection(String subject) {
    return (subject.isEmpty() ? "" : subject + " ") + "rejected" + (by == null || by.isBlank() ? "" : " by " + by)
        + ": " + comment;
  }
}

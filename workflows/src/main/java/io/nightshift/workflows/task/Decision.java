package io.nightshift.workflows.task;

/**
 * A person's decision on a step that waits for one: an approval gate, or an agent that ran out of budget.
 *
 * @param step       the step decided on
 * @param approved   go on, or not (the step then fails with the comment)
 * @param comment    why, in the decider's words (recorded in the task)
 * @param by         who decided, as the API caller identified themselves
 * @param maxTokens  for a budget stop: the agent's new total token budget, 0 to keep it
 * @param maxCost    for a budget stop: the agent's new total cost budget (decimal text), null to keep it
 * @param atMillis   workflow time the decision arrived (set by the workflow)
 */
public record Decision(String step, boolean approved, String comment, String by, long maxTokens, String maxCost,
    long atMillis) {
  Decision at(long millis) {
    return new Decision(step, approved, comment, by, maxTokens, maxCost, millis);
  }
}

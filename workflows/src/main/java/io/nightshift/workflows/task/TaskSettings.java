package io.nightshift.workflows.task;

/**
 * How the engine runs a task.
 *
 * @param maxParallelSteps    the window of steps running at once (kept far below Temporal's 2,000 pending)
 * @param useSearchAttributes whether the server has Nightshift's search attributes registered (the in-memory
 *                            fallback server may not); fixed at start so replay takes the same path
 * @param historyBudget       continue-as-new once history passes this many events (0 = the default); Temporal's
 *                            own suggestion also triggers it
 */
public record TaskSettings(int maxParallelSteps, boolean useSearchAttributes, int historyBudget) {
  public TaskSettings {
    if (maxParallelSteps < 1) {
      throw new IllegalArgumentException("maxParallelSteps must be at least 1, was " + maxParallelSteps);
    }
  }
}

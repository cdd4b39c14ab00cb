package io.nightshift.core.pipeline;

/**
 * How an agent notices that it is stuck: the {@code loop_guard:} block of an agent step (and of the models file's
 * planner settings, for the agent steps the planner plans). A model that makes the same tool call again and again,
 * or keeps calling a tool that fails, is told so in the tool result; past the bound the step fails, naming the
 * tool, the count and the bound.
 *
 * <p>Each bound is switched off on its own with {@code 0}, so there is no separate on/off switch that could
 * contradict the numbers.
 *
 * @param maxRepeats             the most times in a row one call (the same tool with the same arguments, key order
 *                               aside) may return the same result; the model asking for it once more ends the step.
 *                               0: no bound
 * @param maxConsecutiveFailures the most failed calls in a row of one tool (any arguments, refusals included);
 *                               reaching it ends the step. 0: no bound
 */
public record LoopGuardSettings(int maxRepeats, int maxConsecutiveFailures) {
  /** Above any sensible bound: a larger one is a typo. */
  public static final int MAX_BOUND = 1000;
  /**
   * What an agent step gets when its pipeline sets no {@code loop_guard:}. Five identical answers from a tool tell
   * the model nothing the first did not; five failures in a row of one tool mean the model cannot fix its call.
   * The long-agent run that asked for this (issue 19) made 214 calls of one tool in a row, mostly refused.
   */
  public static final LoopGuardSettings DEFAULTS = new LoopGuardSettings(5, 5);
  /** No bound at all: the agent runs until its turns or budget end it. */
  public static final LoopGuardSettings OFF = new LoopGuardSettings(0, 0);

  public LoopGuardSettings {
    if (maxRepeats < 0 || maxRepeats > MAX_BOUND) {
      throw new IllegalArgumentException("maxRepeats must be in [0, " + MAX_BOUND + "] but was " + maxRepeats);
    }
    if (maxConsecutiveFailures < 0 || maxConsecutiveFailures > MAX_BOUND) {
      throw new IllegalArgumentException("maxConsecutiveFailures must be in [0, " + MAX_BOUND + "] but was "
          + maxConsecutiveFailures);
    }
  }
}

package io.nightshift.bench.baseline;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The hand-written yardstick: runs {@code count} activities, at most {@code window} at a time, nothing else. */
@WorkflowInterface
public interface BaselineWorkflow {
  /**
   * @param count  activities to run in all
   * @param window activities in flight at once
   * @param table  the table each activity filters (an artifact URI)
   * @param done   activities finished by earlier runs (continue-as-new)
   * @param shape  the activities' options
   */
  record Input(int count, int window, String table, int done, Shape shape) {}

  /** The options the baseline's activities run under. */
  enum Shape {
    /** What one would write for a no-op call: a start-to-close timeout of 2 minutes, nothing else. */
    PLAIN,
    /**
     * A diagnostic: the options of Nightshift's step activity (a 2-hour start-to-close, a 10 s heartbeat timeout,
     * its retry policy), so the server's cost of those options is told apart from the engine's own code.
     */
    STEP_OPTIONS
  }

  @WorkflowMethod
  int run(Input input);
}

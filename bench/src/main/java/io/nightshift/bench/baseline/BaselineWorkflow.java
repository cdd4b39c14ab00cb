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
   * @param beat   a diagnostic variant: each activity heartbeats once as it starts, under a 10 s heartbeat
   *               timeout, as Nightshift's step activity does; isolates what that costs
   */
  record Input(int count, int window, String table, int done, boolean beat) {}

  @WorkflowMethod
  int run(Input input);
}

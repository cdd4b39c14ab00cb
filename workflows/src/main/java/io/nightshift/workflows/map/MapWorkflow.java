package io.nightshift.workflows.map;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A node of a map step's tree. Leaves run their chunks as windowed activities; inner nodes split their range
 * among child nodes. Every node's history stays bounded: a leaf holds at most a few hundred chunks and
 * continues-as-new when Temporal suggests it.
 */
@WorkflowInterface
public interface MapWorkflow {
  @WorkflowMethod
  MapResult run(MapInput input);

  /**
   * The task's new plan of which pools take its deadline-paced chunks until when (another of its maps split): a
   * leaf follows it from now on, an inner node passes it on to the children it runs and those it starts later.
   */
  @SignalMethod
  void reschedule(PoolSchedule schedule);

  /**
   * How many of the node's chunks finished, for the task's view of a running map (a query: it issues no command).
   * An inner node counts the chunks of the children that finished, not those of running children.
   */
  @QueryMethod
  MapProgress progress();
}

package io.nightshift.workflows;

/** Task-queue names. Workers of the control plane poll {@link #CONTROL}; backend pools get queues of their own. */
public final class TaskQueues {
  /** Task workflows, planning and the built-in tools. */
  public static final String CONTROL = "nightshift-control";

  private TaskQueues() {}
}

package io.nightshift.workflows.task;

import io.nightshift.workflows.task.control.Decision;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One task: plan, then run the plan's steps as a DAG of activities. Workflow id = task id. */
@WorkflowInterface
public interface TaskWorkflow {
  @WorkflowMethod
  TaskResult run(TaskInput input);

  @QueryMethod
  TaskProgress progress();

  /** Lets running steps finish and starts no new ones until {@link #resume()}. */
  @SignalMethod
  void pause(String reason);

  @SignalMethod
  void resume();

  /**
   * A person's decision on a step that waits for one (a gate, or a raised budget). A decision for a step that is
   * not waiting is ignored; the API checks the progress query first and refuses it there.
   */
  @SignalMethod
  void decide(Decision decision);

  /** Guidance that the next model call of every running agent of this task sees. */
  @SignalMethod
  void steer(String guidance);
}

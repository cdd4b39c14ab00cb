package io.nightshift.workflows.task;

import io.nightshift.workflows.task.control.Decision;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One task: plan, then run the plan's steps as a DAG of activities. Workflow id = task id. */
@WorkflowInterface
public interface TaskWorkflow {
  @WorkflowMethod
  TaskResult run(TaskInput input);

  @QueryMethod
  TaskProgress progress();

  /**
   * What ForkTask starts a new task from: the definition, policies, current plan and its steps' results. A query
   * issues no command, so tasks recorded before it replay unchanged.
   */
  @QueryMethod
  ForkPoint forkPoint();

  /** Lets running steps finish and starts no new ones until {@link #resume()}. */
  @SignalMethod
  void pause(String reason);

  @SignalMethod
  void resume();

  /**
   * A person's decision on a step that waits for one (a gate, a raised budget, a revised plan). The task checks in
   * {@link #checkDecision} that the step waits, in the same workflow task that delivers the decision, so a caller
   * never decides on a step that stopped waiting after it looked. Returns the decision as recorded.
   */
  @UpdateMethod
  Decision submitDecision(Decision decision);

  /**
   * Refuses a decision for a step that is not waiting for one (the caller's update fails with a message that names
   * the step and those that do wait), and one whose raised max_cost is not a plain decimal the API would admit.
   */
  @UpdateValidatorMethod(updateName = "submitDecision")
  void checkDecision(Decision decision);

  /**
   * The same decision as a signal, as tasks received it before {@link #submitDecision}: kept so that their recorded
   * histories replay. A decision for a step that is not waiting is ignored.
   */
  @SignalMethod
  void decide(Decision decision);

  /** Guidance that the next model call of every running agent of this task sees. */
  @SignalMethod
  void steer(String guidance);
}

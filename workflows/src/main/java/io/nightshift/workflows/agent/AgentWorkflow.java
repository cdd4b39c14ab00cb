package io.nightshift.workflows.agent;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * An agent loop: a model call, the tool calls it asks for, the next model call, until the model answers, the
 * turn limit is reached or the budget does not allow another call. Each model call and each tool call is an
 * activity; the conversation stays in the artifact store. Run it as a child of a task (workflow id
 * {@code taskId/stepName}) or on its own.
 */
@WorkflowInterface
public interface AgentWorkflow {
  @WorkflowMethod
  AgentResult run(AgentInput input);

  /** Guidance from a human; the next model call sees it as a user message. */
  @SignalMethod
  void steer(String guidance);

  @QueryMethod
  AgentProgress progress();
}

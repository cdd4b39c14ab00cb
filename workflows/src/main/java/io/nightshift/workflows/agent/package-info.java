/**
 * Agents: {@link io.nightshift.workflows.agent.AgentWorkflow}, a loop of model calls and the tool calls they ask
 * for, each one activity ({@link io.nightshift.workflows.agent.AgentModelActivities},
 * {@link io.nightshift.workflows.agent.AgentToolActivities}; implementations in agent-runtime).
 *
 * <p>The conversation is kept in the artifact store as appended deltas under a small index artifact
 * ({@link io.nightshift.workflows.agent.Transcripts}); workflow history carries the index reference, tool calls and
 * usage figures only, so each turn adds a bounded number of history bytes, and the workflow continues as new between
 * turns when Temporal suggests it. Spending is kept by a reserve-then-settle
 * {@link io.nightshift.workflows.agent.BudgetLedger}; when the next call does not fit, the agent ends with
 * {@link io.nightshift.workflows.agent.StopReason#BUDGET_EXHAUSTED} and can be resumed with
 * {@link io.nightshift.workflows.agent.AgentInput#resumedFrom}.
 *
 * <p>As a child of a task: {@code Workflow.newChildWorkflowStub(AgentWorkflow.class,
 * ChildWorkflowOptions.newBuilder().setWorkflowId(taskId + "/" + step).build()).run(input)}, on a worker that
 * registered agents (agent-runtime's {@code AgentWorkers}).
 */
package io.nightshift.workflows.agent;

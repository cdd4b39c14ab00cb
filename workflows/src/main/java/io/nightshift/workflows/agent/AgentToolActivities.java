package io.nightshift.workflows.agent;

import io.temporal.activity.ActivityInterface;

/**
 * One tool call an agent's model asked for. A tool that rejects its input, an unknown tool or malformed
 * arguments are answered as a tool result ({@link AgentToolOutput#ok()} false) so the model can correct itself;
 * only transient failures throw, to be retried.
 */
@ActivityInterface
public interface AgentToolActivities {
  AgentToolOutput callTool(AgentToolInput input);
}

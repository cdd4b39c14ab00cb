package io.nightshift.workflows.agent;

import java.util.Objects;

/**
 * Whose notes an agent's memory tools ({@code memory.save}, {@code memory.search}) read and write. Set by the
 * workflow that starts the agent, from the task's identity and its pipeline, and handed to each tool call: the model
 * never names a scope. The tool activity adds the namespace (the tenant) and checks that the agent's own workflow
 * belongs to {@code taskId}, so a scope never reaches another task or tenant.
 *
 * @param taskId the task whose notes these are: an agent step's task, or for an agent started on its own, the agent
 * @param name   within the task: {@code step:NAME} for one step's own notes, {@code shared:NAME} for a scope that the
 *               pipeline lets several agent steps share, {@code agent} for an agent started on its own
 */
public record MemoryScope(String taskId, String name) {
  public MemoryScope {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(name, "name");
  }

  /** The notes of one agent step alone: kept across its runs (a budget raise, continue-as-new) and nobody else's. */
  public static MemoryScope ofStep(String taskId, String stepName) {
    return new MemoryScope(taskId, "step:" + stepName);
  }

  /** Notes the agent steps of one task share, when their pipeline gives them the same {@code memory_scope}. */
  public static MemoryScope shared(String taskId, String scopeName) {
    return new MemoryScope(taskId, "shared:" + scopeName);
  }

  /** The notes of an agent started on its own, outside a task (its id stands for the task). */
  public static MemoryScope ofAgent(String agentId) {
    return new MemoryScope(agentId, "agent");
  }
}

package io.nightshift.workflows.agent;

import java.util.List;
import java.util.Optional;

/**
 * What an agent is asked to do.
 *
 * @param instructions the system prompt; empty for none
 * @param task         the user's request
 * @param tools        the allow-list: registry tool names this agent may call; others are refused to the model
 * @param memory       the notes its memory tools work on; empty (absent in JSON recorded before there was memory)
 *                     for the agent's own, {@link MemoryScope#ofAgent}
 */
public record AgentBrief(String instructions, String task, List<String> tools, Optional<MemoryScope> memory) {
  public AgentBrief {
    instructions = instructions == null ? "" : instructions;
    task = task == null ? "" : task;
    tools = tools == null ? List.of() : List.copyOf(tools);
    memory = memory == null ? Optional.empty() : memory;
  }

  /** A brief whose memory tools, if it lists any, keep the agent's own notes. */
  public AgentBrief(String instructions, String task, List<String> tools) {
    this(instructions, task, tools, Optional.empty());
  }

  /** The scope of the notes of the agent {@code agentId} with this brief. */
  public MemoryScope memoryOf(String agentId) {
    return memory.orElseGet(() -> MemoryScope.ofAgent(agentId));
  }
}

package io.nightshift.workflows.agent;

import java.util.List;

/**
 * What an agent is asked to do.
 *
 * @param instructions the system prompt; empty for none
 * @param task         the user's request
 * @param tools        the allow-list: registry tool names this agent may call; others are refused to the model
 */
public record AgentBrief(String instructions, String task, List<String> tools) {
  public AgentBrief {
    instructions = instructions == null ? "" : instructions;
    task = task == null ? "" : task;
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}

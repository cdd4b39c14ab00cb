package io.nightshift.core.pipeline;

import java.util.List;

/**
 * An {@code agent} step: a model that calls tools until it answers.
 *
 * @param model        the model endpoint id (from the runtime's models file)
 * @param instructions the system prompt
 * @param prompt       the request; may reference earlier outputs ({@code ${steps.X.output}}), which the agent
 *                     reads with the {@code artifact.read} tool
 * @param tools        the tools it may call (an allow-list)
 * @param maxTurns     model calls before it must answer
 * @param maxTokens    token budget, 0 for none
 * @param maxCost      cost budget in the endpoints' currency, as text (exact decimal), null for none
 * @param wallClockMillis wall-clock budget, 0 for none
 */
public record AgentSettings(String model, String instructions, String prompt, List<String> tools, int maxTurns,
    long maxTokens, String maxCost, long wallClockMillis) {
  public AgentSettings {
    tools = List.copyOf(tools == null ? List.of() : tools);
  }
}

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
 * @param maxOutputTokens cap on each model answer, 0 for the engine's default: a short one keeps a step on a slow
 *                        (CPU) model quick when only a few lines are wanted
 */
public record AgentSettings(String model, String instructions, String prompt, List<String> tools, int maxTurns,
    long maxTokens, String maxCost, long wallClockMillis, int maxOutputTokens) {
  public AgentSettings {
    tools = List.copyOf(tools == null ? List.of() : tools);
    if (maxOutputTokens < 0) {
      throw new IllegalArgumentException("maxOutputTokens must not be negative but was " + maxOutputTokens);
    }
  }

  /** Settings with the engine's default answer length. */
  public AgentSettings(String model, String instructions, String prompt, List<String> tools, int maxTurns,
      long maxTokens, String maxCost, long wallClockMillis) {
    this(model, instructions, prompt, tools, maxTurns, maxTokens, maxCost, wallClockMillis, 0);
  }

  /** The same settings with another prompt (e.g. parameters substituted). */
  public AgentSettings withPrompt(String newPrompt) {
    return new AgentSettings(model, instructions, newPrompt, tools, maxTurns, maxTokens, maxCost, wallClockMillis,
        maxOutputTokens);
  }

  /** The same settings with other budgets (0 / null for none). */
  public AgentSettings withBudget(long tokens, String cost, long wallClock) {
    return new AgentSettings(model, instructions, prompt, tools, maxTurns, tokens, cost, wallClock,
        maxOutputTokens);
  }
}

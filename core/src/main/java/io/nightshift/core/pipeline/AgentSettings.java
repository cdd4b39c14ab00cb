package io.nightshift.core.pipeline;

import java.util.List;
import java.util.Optional;

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
 * @param memoryScope  the name of the memory scope ({@code memory_scope}) this step's memory tools share with the
 *                     task's other agent steps that name it; empty (absent in plans recorded before) for the step's
 *                     own notes
 * @param context      how the conversation is kept inside the model's context window (null in plans recorded
 *                     before it existed: the defaults)
 * @param loopGuard    when the agent counts as stuck on a tool ({@code loop_guard:}; null in plans recorded before it
 *                     existed: the defaults)
 */
public record AgentSettings(String model, String instructions, String prompt, List<String> tools, int maxTurns,
    long maxTokens, String maxCost, long wallClockMillis, int maxOutputTokens, Optional<String> memoryScope,
    ContextSettings context, LoopGuardSettings loopGuard) {
  /** Model calls an agent step may make when its pipeline sets no {@code max_turns}. */
  public static final int DEFAULT_MAX_TURNS = 10;

  public AgentSettings {
    tools = List.copyOf(tools == null ? List.of() : tools);
    context = context == null ? ContextSettings.DEFAULTS : context;
    loopGuard = loopGuard == null ? LoopGuardSettings.DEFAULTS : loopGuard;
    if (maxOutputTokens < 0) {
      throw new IllegalArgumentException("maxOutputTokens must not be negative but was " + maxOutputTokens);
    }
    memoryScope = memoryScope == null ? Optional.empty() : memoryScope;
  }

  /**
   * Settings for an agent on {@code model} asked {@code prompt}; what is not set is as a pipeline file leaves it:
   * no instructions, no tools, {@value #DEFAULT_MAX_TURNS} turns, no budget, the engine's default answer length, the
   * step's own memory.
   */
  public static Builder builder(String model, String prompt) {
    return new Builder(model, prompt);
  }

  /** The same settings with another prompt (e.g. parameters substituted). */
  public AgentSettings withPrompt(String newPrompt) {
    return new AgentSettings(model, instructions, newPrompt, tools, maxTurns, maxTokens, maxCost, wallClockMillis,
        maxOutputTokens, memoryScope, context, loopGuard);
  }

  /** The same settings with other budgets (0 / null for none). */
  public AgentSettings withBudget(long tokens, String cost, long wallClock) {
    return new AgentSettings(model, instructions, prompt, tools, maxTurns, tokens, cost, wallClock,
        maxOutputTokens, memoryScope, context, loopGuard);
  }

  /** Agent settings by name: each setter says which setting it sets. */
  public static final class Builder {
    private final String model;
    private final String prompt;
    private String instructions;
    private List<String> tools = List.of();
    private int maxTurns = DEFAULT_MAX_TURNS;
    private long maxTokens;
    private String maxCost;
    private long wallClockMillis;
    private int maxOutputTokens;
    private Optional<String> memoryScope = Optional.empty();
    private ContextSettings context = ContextSettings.DEFAULTS;
    private LoopGuardSettings loopGuard = LoopGuardSettings.DEFAULTS;

    private Builder(String model, String prompt) {
      this.model = model;
      this.prompt = prompt;
    }

    public Builder instructions(String systemPrompt) {
      this.instructions = systemPrompt;
      return this;
    }

    public Builder tools(List<String> allowed) {
      this.tools = allowed;
      return this;
    }

    public Builder maxTurns(int turns) {
      this.maxTurns = turns;
      return this;
    }

    /** The budget: tokens (0 for none), cost as exact decimal text (null for none), wall clock (0 for none). */
    public Builder budget(long tokens, String cost, long wallClock) {
      this.maxTokens = tokens;
      this.maxCost = cost;
      this.wallClockMillis = wallClock;
      return this;
    }

    /** Cap on each model answer; 0 for the engine's default. */
    public Builder maxOutputTokens(int tokens) {
      this.maxOutputTokens = tokens;
      return this;
    }

    /** The memory scope this step shares with the task's other agent steps that name it; empty for its own. */
    public Builder memoryScope(Optional<String> sharedName) {
      this.memoryScope = sharedName;
      return this;
    }

    /** How the conversation is kept inside the model's context window. */
    public Builder context(ContextSettings settings) {
      this.context = settings;
      return this;
    }

    /** When the agent counts as stuck on a tool. */
    public Builder loopGuard(LoopGuardSettings settings) {
      this.loopGuard = settings;
      return this;
    }

    public AgentSettings build() {
      return new AgentSettings(model, instructions, prompt, tools, maxTurns, maxTokens, maxCost, wallClockMillis,
          maxOutputTokens, memoryScope, context, loopGuard);
    }
  }
}

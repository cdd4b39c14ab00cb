package io.nightshift.runtime.models;

import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.util.List;

/**
 * The {@code planner:} section of the models file: which endpoint plans tasks submitted with a goal and no
 * pipeline, and how.
 *
 * @param endpoint        the endpoint that plans (an id under {@code endpoints})
 * @param agentEndpoint   where agent steps of its plans run, or null when its plans have tool steps only
 * @param agentMaxTurns   the model calls an agent step of its plans may make before it must answer
 * @param maxRepairs      how often an invalid plan goes back to the model with the validator's problems
 * @param maxOutputTokens the longest plan answer asked for
 * @param replan          the replan policy of goal-only tasks that do not set their own
 * @param tools           the tools its plans may use (empty: every registered tool); a small model plans better
 *                        from a short list, and its context window may not hold the schema of every tool
 * @param agentStepsOnly  whether its plans consist of agent steps only ({@code step_kinds: [agent]})
 * @param agentContext    how its agent steps keep their conversations inside the model's window ({@code context:})
 * @param agentLoopGuard  when its agent steps count as stuck on a tool ({@code loop_guard:})
 */
public record PlannerSettings(String endpoint, String agentEndpoint, int agentMaxTurns, int maxRepairs,
    int maxOutputTokens, ReplanPolicy replan, List<String> tools, boolean agentStepsOnly,
    ContextSettings agentContext, LoopGuardSettings agentLoopGuard) {
  public PlannerSettings {
    tools = List.copyOf(tools == null ? List.of() : tools);
    agentContext = agentContext == null ? ContextSettings.DEFAULTS : agentContext;
    agentLoopGuard = agentLoopGuard == null ? LoopGuardSettings.DEFAULTS : agentLoopGuard;
    if (agentStepsOnly && agentEndpoint == null) {
      throw new IllegalArgumentException("plans of agent steps only need 'agent_endpoint'");
    }
  }

  public PlannerSettings(String endpoint, String agentEndpoint, int agentMaxTurns, int maxRepairs,
      int maxOutputTokens, ReplanPolicy replan, List<String> tools, boolean agentStepsOnly) {
    this(endpoint, agentEndpoint, agentMaxTurns, maxRepairs, maxOutputTokens, replan, tools, agentStepsOnly,
        ContextSettings.DEFAULTS, LoopGuardSettings.DEFAULTS);
  }

  /** What goal-only tasks get unless the file says otherwise: two revisions, no approval (see README). */
  public static final ReplanPolicy DEFAULT_REPLAN = new ReplanPolicy(3, false);
}

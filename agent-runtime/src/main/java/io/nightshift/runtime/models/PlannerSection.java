package io.nightshift.runtime.models;

import io.nightshift.config.ConfigNode;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.planners.declarative.ContextBlock;
import io.nightshift.planners.declarative.LoopGuardBlock;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the models file's {@code planner:} section (see {@link ModelsFile}), checking it against the file's endpoints. */
final class PlannerSection {
  private static final Set<String> KEYS = Set.of("endpoint", "agent_endpoint", "agent_max_turns", "max_repairs",
      "max_output_tokens", "replan", "tools", "step_kinds", "context", "loop_guard");
  private static final Set<String> REPLAN_KEYS = Set.of("max_versions", "approval");
  private static final List<String> STEP_KINDS = List.of("tool", "agent");

  private PlannerSection() {}

  /** @param ids the ids of the file's endpoints, which 'endpoint' and 'agent_endpoint' must name */
  static Optional<PlannerSettings> read(ConfigNode p, Set<String> ids) {
    if (!p.isPresent() || !p.keys(KEYS).isMapping()) {
      return Optional.empty();
    }
    String endpoint = endpoint(p.get("endpoint"), ids, true);
    String agent = endpoint(p.get("agent_endpoint"), ids, false);
    int agentMaxTurns = p.get("agent_max_turns").integer(1, 1000, 4);
    int maxRepairs = p.get("max_repairs").integer(0, 20, 2);
    int maxOutputTokens = p.get("max_output_tokens").integer(16, 32_768, 512);
    ReplanPolicy replan = replan(p.get("replan"));
    ContextSettings context = ContextBlock.read(p.get("context"));
    LoopGuardSettings loopGuard = LoopGuardBlock.read(p.get("loop_guard"));
    // its summaries are written on one of the file's endpoints; reported once, here
    context.summaryEndpoint().ifPresent(id -> endpoint(p.get("context").get("summary_endpoint"), ids, true));
    List<String> tools = p.get("tools").strings();
    if (p.get("tools").isPresent() && tools.isEmpty()) {
      p.get("tools").problem("must be a non-empty list of tool names");
    }
    // a wrong agent_endpoint is reported once, above, not again as missing for step_kinds
    boolean agentStepsOnly = agentStepsOnly(p.get("step_kinds"), p.get("agent_endpoint").isPresent());
    if (endpoint == null || agent == null && p.get("agent_endpoint").isPresent()) {
      return Optional.empty(); // reported above
    }
    return p.build(() -> new PlannerSettings(endpoint, agent, agentMaxTurns, maxRepairs, maxOutputTokens, replan,
        tools, agentStepsOnly, context, loopGuard));
  }

  /** The id, when it names one of the endpoints; null (with a problem when it was given or is required) otherwise. */
  private static String endpoint(ConfigNode node, Set<String> ids, boolean required) {
    String id = node.string().orElse(null);
    if (id != null && ids.contains(id)) {
      return id;
    }
    if (id != null || required) {
      node.problem("must name one of the endpoints " + ids + ", was " + (id == null ? "nothing" : "'" + id + "'"));
    }
    return null;
  }

  private static ReplanPolicy replan(ConfigNode r) {
    if (!r.keys(REPLAN_KEYS).isMapping()) {
      return PlannerSettings.DEFAULT_REPLAN;
    }
    int maxVersions = r.get("max_versions").integer(1, ReplanPolicy.MAX_VERSIONS_LIMIT,
        PlannerSettings.DEFAULT_REPLAN.maxVersions());
    String approval = r.get("approval").oneOf(List.of("required", "none"), "none");
    return new ReplanPolicy(maxVersions, approval.equals("required"));
  }

  /** {@code step_kinds}: [tool], [agent] or both; agent steps need an agent endpoint. */
  private static boolean agentStepsOnly(ConfigNode node, boolean hasAgentEndpoint) {
    if (!node.isPresent()) {
      return false;
    }
    List<String> kinds = node.strings();
    if (kinds.isEmpty() || !STEP_KINDS.containsAll(kinds)) {
      node.problem("must list tool, agent or both, was " + kinds);
      return false;
    }
    if (kinds.contains("agent") && !hasAgentEndpoint) {
      node.problem("has agent, which needs 'agent_endpoint'");
      return false;
    }
    return !kinds.contains("tool");
  }
}

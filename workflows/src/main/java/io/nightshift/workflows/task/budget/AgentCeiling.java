package io.nightshift.workflows.task.budget;

import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The most each agent step of a task may spend, set by the submitter; a step's own lower budget wins. Applied to
 * every plan version the task runs, so a model's plan (which sets no budgets) is bounded too.
 *
 * @param maxTokens       tokens per agent step, 0 for no ceiling
 * @param maxCost         cost per agent step as exact decimal text, null for no ceiling
 * @param wallClockMillis wall-clock per agent step, 0 for no ceiling
 */
public record AgentCeiling(long maxTokens, String maxCost, long wallClockMillis) {
  public AgentCeiling {
    Limits.check(maxTokens, maxCost, wallClockMillis);
  }

  /** {@code plan} with every agent step's budget at most this ceiling; other steps unchanged. */
  public Plan cap(Plan plan) {
    List<PlannedStep> steps = plan.steps().stream().map(this::cap).toList();
    return new Plan(plan.pipeline(), plan.version(), plan.params(), steps, plan.placement(), plan.origin());
  }

  private PlannedStep cap(PlannedStep s) {
    AgentSettings a = s.agent();
    if (a == null) {
      return s;
    }
    AgentSettings capped = a.withBudget(lower(a.maxTokens(), maxTokens), lowerCost(a.maxCost()),
        lower(a.wallClockMillis(), wallClockMillis));
    return new PlannedStep(s.name(), s.kind(), s.tool(), s.params(), s.needs(), s.policy(), s.map(), s.waitMillis(),
        s.pipeline(), s.requires(), capped, s.approval());
  }

  /** The lower of two limits where 0 means none. */
  private static long lower(long own, long ceiling) {
    return own == 0 ? ceiling : ceiling == 0 ? own : Math.min(own, ceiling);
  }

  private String lowerCost(String own) {
    if (maxCost == null) {
      return own;
    }
    // both were checked where they were set (Limits, the pipeline parser); an own limit that does not read loses
    Optional<BigDecimal> ownLimit = RecordedCost.limit(own);
    return ownLimit.isEmpty() || RecordedCost.limit(maxCost).orElseThrow().compareTo(ownLimit.get()) < 0 ? maxCost
        : own;
  }
}

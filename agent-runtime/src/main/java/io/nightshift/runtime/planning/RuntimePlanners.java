package io.nightshift.runtime.planning;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.planner.Replanner;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.models.ModelCall;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.planners.llm.LlmPlanner;
import io.nightshift.planners.routing.RoutingPlanner;
import io.nightshift.runtime.agent.ModelFailures;
import io.nightshift.runtime.models.PlannerSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The planner a worker runs: pipelines go to the declarative planner; goals and plan revisions to the model
 * planner of the models file's {@code planner:} section, when there is one. Model failures are classified for the
 * planning activity's retry policy (a 429 backs off, a bad request fails at once).
 */
public final class RuntimePlanners {
  private RuntimePlanners() {}

  /**
   * @param models   the configured endpoints; empty when the runtime has none
   * @param planner  the {@code planner:} section; empty when the models file has none
   */
  public static Planner of(DeclarativePlanner declarative, ToolCatalog tools, Optional<ModelCall> models,
      Optional<PlannerSettings> planner) {
    if (models.isEmpty() || planner.isEmpty()) {
      return RoutingPlanner.declarativeOnly(declarative);
    }
    return of(declarative, tools, models.get(), planner.get());
  }

  private static Planner of(DeclarativePlanner declarative, ToolCatalog tools, ModelCall models,
      PlannerSettings settings) {
    LlmPlanner.Builder llm = LlmPlanner.builder(models, settings.endpoint(), only(tools, settings))
        .maxRepairs(settings.maxRepairs()).maxOutputTokens(settings.maxOutputTokens());
    if (settings.agentEndpoint() != null) {
      llm.agentModel(settings.agentEndpoint(), settings.agentMaxTurns()).agentContext(settings.agentContext())
          .agentLoopGuard(settings.agentLoopGuard());
    }
    if (settings.agentStepsOnly()) {
      llm.agentStepsOnly();
    }
    return new Classified(RoutingPlanner.of(declarative, llm.build()));
  }

  /** The tools the planner may plan with; an unknown name fails the start, naming it. */
  static ToolCatalog only(ToolCatalog tools, PlannerSettings settings) {
    if (settings.tools().isEmpty()) {
      return tools;
    }
    List<ToolDescriptor> allowed = new ArrayList<>();
    for (String name : settings.tools()) {
      allowed.add(tools.describe(name).orElseThrow(() -> new IllegalArgumentException("models file, planner:"
          + " 'tools' names unknown tool '" + name + "'; known: " + tools.all().stream().map(ToolDescriptor::name)
          .sorted().toList())));
    }
    return new ToolCatalog() {
      @Override
      public Optional<ToolDescriptor> describe(String name) {
        return allowed.stream().filter(t -> t.name().equals(name)).findFirst();
      }

      @Override
      public Collection<ToolDescriptor> all() {
        return allowed;
      }
    };
  }

  /** The routing planner with model failures turned into Temporal failures of the right retry class. */
  private record Classified(RoutingPlanner planner) implements Planner, Replanner {
    @Override
    public Plan plan(PlanRequest request) {
      try {
        return planner.plan(request);
      } catch (ModelCallException e) {
        throw ModelFailures.of(e);
      }
    }

    @Override
    public Plan replan(PlanRequest request, Plan failed, String failedStep, String error) {
      try {
        return planner.replan(request, failed, failedStep, error);
      } catch (ModelCallException e) {
        throw ModelFailures.of(e);
      }
    }
  }
}

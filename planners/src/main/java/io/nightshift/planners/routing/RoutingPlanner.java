package io.nightshift.planners.routing;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.planner.Replanner;
import java.util.List;
import java.util.Objects;

/**
 * The runtime's planner: a request with pipeline text goes to the declarative planner, a goal alone to the model
 * planner when one is configured. Revisions after a failure always go to the model planner (a declarative pipeline
 * has no one to ask). Without a model planner, a goal-only request or a revision fails with what to configure.
 */
public final class RoutingPlanner implements Planner, Replanner {
  /** What to tell a user who asks for something only a model planner can do. */
  public static final String HOW_TO_CONFIGURE = "add a 'planner:' section naming an endpoint to the models file"
      + " (--models FILE), e.g. planner: {endpoint: local-llama}";

  private final Planner declarative;
  private final Planner goals;
  private final Replanner revisions;

  /**
   * @param declarative plans pipelines
   * @param model       plans goals and revises plans, or null when the runtime has no planner model
   */
  public static <M extends Planner & Replanner> RoutingPlanner of(Planner declarative, M model) {
    return new RoutingPlanner(declarative, model, model);
  }

  /** A runtime without a planner model: pipelines only. */
  public static RoutingPlanner declarativeOnly(Planner declarative) {
    return new RoutingPlanner(declarative, null, null);
  }

  private RoutingPlanner(Planner declarative, Planner goals, Replanner revisions) {
    this.declarative = Objects.requireNonNull(declarative, "declarative must not be null");
    this.goals = goals;
    this.revisions = revisions;
  }

  /** Whether goal-only requests and revisions can be planned here. */
  public boolean hasModelPlanner() {
    return goals != null;
  }

  @Override
  public Plan plan(PlanRequest request) {
    if (request.pipelineYaml() != null) {
      return declarative.plan(request);
    }
    if (goals == null) {
      throw unavailable("no pipeline was given and this runtime has no planner model to plan the goal; give a"
          + " pipeline, or " + HOW_TO_CONFIGURE);
    }
    if (request.goal().isBlank()) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, "goal", 0,
          "a task without a pipeline needs a goal for the planner model")));
    }
    return goals.plan(request);
  }

  @Override
  public Plan replan(PlanRequest request, Plan failed, String failedStep, String error) {
    if (revisions == null) {
      throw unavailable("replanning needs a planner model and this runtime has none; " + HOW_TO_CONFIGURE);
    }
    return revisions.replan(request, failed, failedStep, error);
  }

  private static InvalidPipelineException unavailable(String message) {
    return new InvalidPipelineException(List.of(new PipelineProblem(null, "pipeline", 0, message)));
  }
}

package io.nightshift.planners.declarative;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepSpec;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.tool.ToolCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Plans a task from a pipeline the user wrote: parse, then validate against the runtime's tools. Origin {@value #ORIGIN}. */
public final class DeclarativePlanner implements Planner {
  public static final String ORIGIN = "declarative";
  private final PipelineParser parser = new PipelineParser();
  private final PipelineValidator validator;
  private final Predicate<String> knownEndpoint;
  private final String endpointsHint;

  public DeclarativePlanner(ToolCatalog tools, PipelineSource pipelines) {
    this(new PipelineValidator(tools, pipelines), null, null);
  }

  private DeclarativePlanner(PipelineValidator validator, Predicate<String> knownEndpoint, String endpointsHint) {
    this.validator = validator;
    this.knownEndpoint = knownEndpoint;
    this.endpointsHint = endpointsHint;
  }

  /**
   * A planner that also refuses agent steps calling a model endpoint this runtime does not have: without the check
   * such a step waits for a worker that can run it, forever. Only for a runtime that knows its workers' endpoints
   * (one that runs the worker role); steps placed on a pool ({@code requires}) are checked by placement instead.
   *
   * @param hint what the error adds, e.g. the configured ids or how to configure some
   */
  public DeclarativePlanner withEndpoints(Predicate<String> known, String hint) {
    return new DeclarativePlanner(validator, known, hint);
  }

  public DeclarativePlanner(ToolCatalog tools) {
    this(tools, PipelineSource.NONE);
  }

  @Override
  public Plan plan(PlanRequest request) {
    if (request.pipelineYaml() == null) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, "pipeline", 0,
          "the declarative planner needs a pipeline (inline YAML or a known pipeline name)")));
    }
    PipelineSpec spec = parser.parse(request.pipelineYaml());
    Plan plan = validator.validate(spec, request.params(), 1, request.depth()).withOrigin(ORIGIN);
    checkEndpoints(spec);
    return plan;
  }

  private void checkEndpoints(PipelineSpec spec) {
    if (knownEndpoint == null) {
      return;
    }
    List<PipelineProblem> problems = new ArrayList<>();
    for (StepSpec step : spec.steps()) {
      if (step.kind() == StepKind.AGENT && step.requires() == null && step.agent() != null
          && step.agent().model() != null && !knownEndpoint.test(step.agent().model())) {
        problems.add(new PipelineProblem(step.name(), "model", step.line(), "no model endpoint '"
            + step.agent().model() + "' on this runtime; " + endpointsHint));
      }
      if (step.kind() == StepKind.AGENT && step.agent() != null) {
        step.agent().context().summaryEndpoint().filter(id -> !knownEndpoint.test(id)).ifPresent(id ->
            problems.add(new PipelineProblem(step.name(), "context.summary_endpoint", step.line(),
                "no model endpoint '" + id + "' on this runtime; " + endpointsHint)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPipelineException(problems);
    }
  }
}

package io.nightshift.planners.declarative;

import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.tool.ToolCatalog;
import java.util.List;

/** Plans a task from a pipeline the user wrote: parse, then validate against the runtime's tools. Origin {@value #ORIGIN}. */
public final class DeclarativePlanner implements Planner {
  public static final String ORIGIN = "declarative";
  private final PipelineParser parser = new PipelineParser();
  private final PipelineValidator validator;

  public DeclarativePlanner(ToolCatalog tools, PipelineSource pipelines) {
    this.validator = new PipelineValidator(tools, pipelines);
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
    return validator.validate(parser.parse(request.pipelineYaml()), request.params(), 1, request.depth())
        .withOrigin(ORIGIN);
  }
}

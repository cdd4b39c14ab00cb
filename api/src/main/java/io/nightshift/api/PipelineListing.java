package io.nightshift.api;

import io.nightshift.api.v1.ListPipelinesResponse;
import io.nightshift.api.v1.Pipeline;
import io.nightshift.api.v1.PipelineParameter;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.planners.declarative.PipelineParser;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code ListPipelines}: the catalog's pipelines with their declared parameters, read with the same parser a
 * submission goes through, so a default shown here is the default a task gets. A pipeline that does not parse (a
 * site file with a typo) is listed with its problem instead of failing the call, so one bad file hides nothing else.
 */
final class PipelineListing {
  private final PipelineSource catalog;
  private final PipelineParser parser = new PipelineParser();

  PipelineListing(PipelineSource catalog) {
    this.catalog = catalog;
  }

  ListPipelinesResponse list() {
    ListPipelinesResponse.Builder out = ListPipelinesResponse.newBuilder();
    for (String name : new TreeSet<>(catalog.names())) {
      catalog.yaml(name).ifPresent(yaml -> out.addPipelines(describe(name, yaml)));
    }
    return out.build();
  }

  private Pipeline describe(String name, String yaml) {
    Pipeline.Builder pipeline = Pipeline.newBuilder().setName(name);
    PipelineSpec spec;
    try {
      spec = parser.parse(yaml);
    } catch (InvalidPipelineException e) {
      return pipeline.setError(e.getMessage()).build();
    }
    Map<String, String> comments = ParameterComments.of(yaml);
    pipeline.setDescription(spec.description()).setStepCount(spec.steps().size());
    spec.params().forEach((key, value) -> pipeline.addParams(PipelineParameter.newBuilder().setName(key)
        .setDefaultValue(value == null ? "" : value).setRequired(value == null)
        .setDescription(comments.getOrDefault(key, ""))));
    return pipeline.build();
  }
}

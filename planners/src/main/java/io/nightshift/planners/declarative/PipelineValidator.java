package io.nightshift.planners.declarative;

import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.ChildPipeline;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepSpec;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.tool.ToolCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a pipeline against the tools the runtime has and the parameters supplied, and produces the plan.
 * Reports every problem it finds (duplicate names, unknown tools or tool parameters, missing required ones,
 * dangling {@code needs} and references, undeclared task parameters, cycles) so a user fixes them in one go.
 * Shared by the declarative planner and, later, the LLM planner: a model's plan passes the same gate.
 */
public final class PipelineValidator {
  private final ToolCatalog tools;
  private final PipelineSource pipelines;

  public PipelineValidator(ToolCatalog tools, PipelineSource pipelines) {
    this.tools = tools;
    this.pipelines = pipelines;
  }

  public PipelineValidator(ToolCatalog tools) {
    this(tools, PipelineSource.NONE);
  }

  public Plan validate(PipelineSpec spec, Map<String, String> supplied, int version) {
    return validate(spec, supplied, version, 0);
  }

  /** @param depth nesting depth of this pipeline inside {@code pipeline} steps; 0 for a submitted task */
  public Plan validate(PipelineSpec spec, Map<String, String> supplied, int version, int depth) {
    List<PipelineProblem> problems = new ArrayList<>();
    Map<String, String> params = taskParams(spec, supplied, problems);
    Map<String, StepSpec> byName = new LinkedHashMap<>();
    for (StepSpec step : spec.steps()) {
      if (byName.putIfAbsent(step.name(), step) != null) {
        problems.add(new PipelineProblem(step.name(), "name", step.line(), "duplicate step name"));
      }
    }
    Map<String, PlannedStep> planned = new LinkedHashMap<>();
    for (StepSpec step : byName.values()) {
      planned.put(step.name(), planStep(step, byName, spec, params, depth, problems));
    }
    if (problems.isEmpty()) {
      List<String> cycle = new CycleFinder(planned).find();
      if (!cycle.isEmpty()) {
        problems.add(new PipelineProblem(cycle.get(0), "needs", byName.get(cycle.get(0)).line(),
            "dependency cycle: " + String.join(" -> ", cycle)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPipelineException(problems);
    }
    return new Plan(spec.name(), version, params, TopologicalOrder.of(planned), spec.placement(), null);
  }

  private static Map<String, String> taskParams(PipelineSpec spec, Map<String, String> supplied,
      List<PipelineProblem> problems) {
    Map<String, String> params = new HashMap<>();
    spec.params().forEach((k, v) -> {
      if (v != null) {
        params.put(k, v);
      }
    });
    supplied.forEach((k, v) -> {
      if (!spec.params().containsKey(k)) {
        problems.add(new PipelineProblem(null, "params." + k, 0,
            "the pipeline declares no parameter '" + k + "'; declared: " + spec.params().keySet()));
      } else {
        params.put(k, v);
      }
    });
    spec.params().forEach((k, v) -> {
      if (!params.containsKey(k)) {
        problems.add(new PipelineProblem(null, "params." + k, 0, "required task parameter has no value"));
      }
    });
    return params;
  }

  private PlannedStep planStep(StepSpec step, Map<String, StepSpec> all, PipelineSpec spec,
      Map<String, String> params, int depth, List<PipelineProblem> problems) {
    Set<String> needs = new LinkedHashSet<>();
    for (String need : step.needs()) {
      if (!all.containsKey(need)) {
        problems.add(new PipelineProblem(step.name(), "needs", step.line(), "needs unknown step '" + need + "'"));
      } else if (need.equals(step.name())) {
        problems.add(new PipelineProblem(step.name(), "needs", step.line(), "a step cannot need itself"));
      }
      needs.add(need);
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    step.params().forEach((key, value) -> {
      checkReferences(step, "params." + key, value, all, spec, needs, problems);
      resolved.put(key, References.substituteParams(value, params));
    });
    MapSettings map = step.map();
    if (map != null) {
      checkMapSource(step, all, spec, needs, problems);
      map = map.withOver(map.over() == null ? null : References.substituteParams(map.over(), params));
      if (map.maxParallelRef() != null) {
        map = map.withMaxParallel(window(step, map, all, spec, needs, params, problems));
      }
    }
    new StepKindRules(tools, pipelines, problems).check(step, resolved, depth);
    ChildPipeline child = step.pipeline() == null ? null
        : new ChildPipeline(step.pipeline(), pipelines.yaml(step.pipeline()).orElse(null));
    AgentSettings agent = step.agent();
    if (agent != null && agent.prompt() != null) {
      checkReferences(step, "prompt", agent.prompt(), all, spec, needs, problems);
      agent = agent.withPrompt(References.substituteParams(agent.prompt(), params));
    }
    return new PlannedStep(step.name(), step.kind(), step.tool(), resolved, List.copyOf(needs), step.policy(), map,
        step.waitMillis(), child, step.requires(), agent, step.approval());
  }

  /** A map step's window written as {@code ${params.NAME}}: this run's value, checked like a number in the file. */
  private int window(StepSpec step, MapSettings map, Map<String, StepSpec> all, PipelineSpec spec, Set<String> needs,
      Map<String, String> params, List<PipelineProblem> problems) {
    int before = problems.size();
    checkReferences(step, "max_parallel", map.maxParallelRef(), all, spec, needs, problems);
    if (problems.size() > before) {
      return map.maxParallel();
    }
    String value = References.substituteParams(map.maxParallelRef(), params).strip();
    try {
      int window = Integer.parseInt(value);
      if (window >= 1 && window <= MapSettings.MAX_PARALLEL_LIMIT) {
        return window;
      }
    } catch (NumberFormatException e) {
      // reported below, as a value out of range is
    }
    problems.add(new PipelineProblem(step.name(), "max_parallel", step.line(), map.maxParallelRef() + " must be a"
        + " whole number from 1 to " + MapSettings.MAX_PARALLEL_LIMIT + ", was '" + value + "'"));
    return map.maxParallel();
  }

  private void checkMapSource(StepSpec step, Map<String, StepSpec> all, PipelineSpec spec, Set<String> needs,
      List<PipelineProblem> problems) {
    String over = step.map().over();
    List<References.Ref> refs = over == null ? List.of() : References.find(over);
    if (refs.size() != 1 || !"steps".equals(refs.get(0).kind()) || !over.trim().equals(refs.get(0).text())) {
      problems.add(new PipelineProblem(step.name(), "over", step.line(),
          "a map step needs 'over: ${steps.NAME.output}' naming the table to fan out over"));
      return;
    }
    checkReferences(step, "over", over, all, spec, needs, problems);
  }

  private static void checkReferences(StepSpec step, String field, String value, Map<String, StepSpec> all,
      PipelineSpec spec, Set<String> needs, List<PipelineProblem> problems) {
    for (References.Ref ref : References.find(value)) {
      if (ref.error() != null) {
        problems.add(new PipelineProblem(step.name(), field, step.line(), ref.error()));
      } else if (ref.kind().equals("steps") && !all.containsKey(ref.target())) {
        problems.add(new PipelineProblem(step.name(), field, step.line(),
            "refers to unknown step '" + ref.target() + "' in " + ref.text()));
      } else if (ref.kind().equals("steps") && ref.target().equals(step.name())) {
        problems.add(new PipelineProblem(step.name(), field, step.line(), "a step cannot use its own output"));
      } else if (ref.kind().equals("steps") && all.get(ref.target()).kind() == StepKind.WAIT) {
        problems.add(new PipelineProblem(step.name(), field, step.line(),
            "step '" + ref.target() + "' is a wait step and has no output; list it under 'needs' instead"));
      } else if (ref.kind().equals("steps")) {
        needs.add(ref.target());
      } else if (!spec.params().containsKey(ref.target())) {
        problems.add(new PipelineProblem(step.name(), field, step.line(),
            "refers to undeclared task parameter '" + ref.target() + "'; declare it under 'params'"));
      }
    }
  }
}

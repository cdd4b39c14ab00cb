package io.nightshift.planners.declarative;

import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepSpec;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
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

  public PipelineValidator(ToolCatalog tools) {
    this.tools = tools;
  }

  public Plan validate(PipelineSpec spec, Map<String, String> supplied, int version) {
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
      planned.put(step.name(), planStep(step, byName, spec, params, problems));
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
    return new Plan(spec.name(), version, params, TopologicalOrder.of(planned));
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
      Map<String, String> params, List<PipelineProblem> problems) {
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
      for (References.Ref ref : References.find(value)) {
        String field = "params." + key;
        if (ref.error() != null) {
          problems.add(new PipelineProblem(step.name(), field, step.line(), ref.error()));
        } else if (ref.kind().equals("steps") && !all.containsKey(ref.target())) {
          problems.add(new PipelineProblem(step.name(), field, step.line(),
              "refers to unknown step '" + ref.target() + "' in " + ref.text()));
        } else if (ref.kind().equals("steps") && ref.target().equals(step.name())) {
          problems.add(new PipelineProblem(step.name(), field, step.line(), "a step cannot use its own output"));
        } else if (ref.kind().equals("steps")) {
          needs.add(ref.target());
        } else if (!spec.params().containsKey(ref.target())) {
          problems.add(new PipelineProblem(step.name(), field, step.line(),
              "refers to undeclared task parameter '" + ref.target() + "'; declare it under 'params'"));
        }
      }
      resolved.put(key, References.substituteParams(value, params));
    });
    checkTool(step, resolved, problems);
    return new PlannedStep(step.name(), step.kind(), step.tool(), resolved, List.copyOf(needs));
  }

  private void checkTool(StepSpec step, Map<String, String> params, List<PipelineProblem> problems) {
    if (step.tool() == null || step.tool().isBlank()) {
      problems.add(new PipelineProblem(step.name(), "tool", step.line(), "missing: a tool step must name its tool"));
      return;
    }
    ToolDescriptor tool = tools.describe(step.tool()).orElse(null);
    if (tool == null) {
      problems.add(new PipelineProblem(step.name(), "tool", step.line(), "unknown tool '" + step.tool()
          + "'; known tools: " + String.join(", ", tools.all().stream().map(ToolDescriptor::name).sorted().toList())));
      return;
    }
    for (String key : params.keySet()) {
      if (tool.param(key).isEmpty()) {
        problems.add(new PipelineProblem(step.name(), "params." + key, step.line(), "tool '" + tool.name()
            + "' has no parameter '" + key + "'; it takes: "
            + String.join(", ", tool.params().stream().map(ToolParam::name).toList())));
      }
    }
    for (ToolParam p : tool.params()) {
      if (p.required() && !params.containsKey(p.name())) {
        problems.add(new PipelineProblem(step.name(), "params." + p.name(), step.line(),
            "required by tool '" + tool.name() + "' (" + p.description() + ")"));
      }
    }
  }
}

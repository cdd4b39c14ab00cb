package io.nightshift.planners.declarative;

import io.nightshift.core.memory.Notebook;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepSpec;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each step kind requires: a known tool with its required parameters (tool, map), a duration (wait), a
 * known pipeline that is itself valid, within the nesting limit (pipeline).
 */
final class StepKindRules {
  /** How deep pipeline steps may nest: deep enough for real decomposition, shallow enough to stop a runaway. */
  static final int MAX_DEPTH = 4;

  private final ToolCatalog tools;
  private final PipelineSource pipelines;
  private final List<PipelineProblem> problems;

  StepKindRules(ToolCatalog tools, PipelineSource pipelines, List<PipelineProblem> problems) {
    this.tools = tools;
    this.pipelines = pipelines;
    this.problems = problems;
  }

  void check(StepSpec step, Map<String, String> params, int depth) {
    forbid(step, step.requires() != null && step.kind() != StepKind.TOOL && step.kind() != StepKind.MAP
        && step.kind() != StepKind.AGENT, "requires", "only tool, map and agent steps run on accelerator pools");
    switch (step.kind()) {
      case TOOL -> checkTool(step, params, null);
      case MAP -> checkTool(step, params, step.map().itemParam());
      case WAIT -> {
        if (step.waitMillis() <= 0) {
          problem(step, "duration", "a wait step needs a duration such as 1h");
        }
        forbid(step, step.tool() != null, "tool", "a wait step runs no tool");
        forbid(step, !params.isEmpty(), "params", "a wait step takes no params");
      }
      case PIPELINE -> checkPipeline(step, params, depth);
      case AGENT -> {
        forbid(step, step.tool() != null, "tool", "an agent step chooses its tools itself; list them under 'tools'");
        // nothing would read them: refused, as an unknown key of a tool is, rather than silently dropped
        forbid(step, !params.isEmpty(), "params", "an agent step takes no params (its tools get theirs from the"
            + " model, checked against each tool's parameters); put what it needs in its prompt");
        for (String t : step.agent().tools()) {
          if (tools.describe(t).isEmpty()) {
            problem(step, "tools", "unknown tool '" + t + "'; known tools: "
                + String.join(", ", tools.all().stream().map(ToolDescriptor::name).sorted().toList()));
          }
        }
        // a shared scope nobody can read or write is a typo'd or forgotten tools list, not a setting
        forbid(step, step.agent().memoryScope().isPresent()
            && step.agent().tools().stream().noneMatch(Notebook.TOOLS::contains), "memory_scope",
            "the step shares memory scope '" + step.agent().memoryScope().orElse("") + "' but its tools list neither "
                + String.join(" nor ", Notebook.TOOLS.stream().sorted().toList()) + "; add them to 'tools'");
      }
      default -> problem(step, "kind", "unsupported kind " + step.kind());
    }
  }

  private void checkTool(StepSpec step, Map<String, String> params, String itemParam) {
    if (step.tool() == null || step.tool().isBlank()) {
      problem(step, "tool", "missing: a " + step.kind().wireName() + " step must name its tool");
      return;
    }
    if (Notebook.TOOLS.contains(step.tool())) {
      problem(step, "tool", "'" + step.tool() + "' keeps notes for agents and has no memory scope in a "
          + step.kind().wireName() + " step; list it in an agent step's 'tools'");
      return;
    }
    ToolDescriptor tool = tools.describe(step.tool()).orElse(null);
    if (tool == null) {
      problem(step, "tool", "unknown tool '" + step.tool() + "'; known tools: "
          + String.join(", ", tools.all().stream().map(ToolDescriptor::name).sorted().toList()));
      return;
    }
    for (String key : params.keySet()) {
      Optional<String> unknown = tool.unknownParams(List.of(key));
      if (unknown.isPresent()) {
        problem(step, "params." + key, unknown.get());
      } else if (key.equals(itemParam)) {
        problem(step, "params." + key, "the map step fills '" + key + "' with each chunk; do not set it");
      }
    }
    if (itemParam != null && tool.param(itemParam).isEmpty()) {
      problem(step, "item_param", "tool '" + tool.name() + "' has no parameter '" + itemParam + "' to receive chunks");
    }
    for (ToolParam p : tool.params()) {
      if (p.required() && !params.containsKey(p.name()) && !p.name().equals(itemParam)) {
        problem(step, "params." + p.name(), "required by tool '" + tool.name() + "' (" + p.description() + ")");
      }
    }
  }

  private void checkPipeline(StepSpec step, Map<String, String> params, int depth) {
    forbid(step, step.tool() != null, "tool", "a pipeline step runs a pipeline, not a tool");
    if (step.pipeline() == null) {
      problem(step, "pipeline", "missing: name the pipeline to run");
      return;
    }
    if (depth + 1 > MAX_DEPTH) {
      problem(step, "pipeline", "pipelines nest deeper than " + MAX_DEPTH + " levels (is '" + step.pipeline()
          + "' recursive?)");
      return;
    }
    String yaml = pipelines.yaml(step.pipeline()).orElse(null);
    if (yaml == null) {
      problem(step, "pipeline", "unknown pipeline '" + step.pipeline() + "'; known: " + pipelines.names());
      return;
    }
    if (params.values().stream().anyMatch(v -> v.contains("${steps."))) {
      return; // the child's parameters are only known once the referenced outputs exist: checked when it starts
    }
    try {
      new PipelineValidator(tools, pipelines).validate(new PipelineParser().parse(yaml), params, 1, depth + 1);
    } catch (InvalidPipelineException e) {
      e.problems().forEach(p -> problem(step, "pipeline", "in '" + step.pipeline() + "': " + p));
    }
  }

  private void forbid(StepSpec step, boolean present, String field, String message) {
    if (present) {
      problem(step, field, message);
    }
  }

  private void problem(StepSpec step, String field, String message) {
    problems.add(new PipelineProblem(step.name(), field, step.line(), message));
  }
}

package io.nightshift.planners.llm;

import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.tool.ToolDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The words the planner says to the model. Short, because small local models have small context windows. */
final class PlanPrompts {
  private PlanPrompts() {}

  static String system(Collection<ToolDescriptor> tools) {
    return system(tools, false);
  }

  /** @param agents whether plans may have agent steps (then the prompt shows their shape too) */
  static String system(Collection<ToolDescriptor> tools, boolean agents) {
    return "You plan tasks as a list of tool steps. Answer with JSON only, like this example:\n"
        + example(tools) + "\nTools:\n" + PlanSchema.describe(tools)
        + "Give every required parameter. To use the output of an earlier step X write ${steps.X.output} and put X in"
        + " needs. To use a task parameter P write ${params.P}. Name the steps step1, step2, ... in order."
        + (agents ? "\nA step may instead be an agent, a model that calls tools itself: {\"name\": \"step2\","
            + " \"kind\": \"agent\", \"prompt\": \"what it must do\", \"tools\": [\"tool name\"], \"needs\": []}."
            + " Use an agent step when the goal asks for one." : "");
  }

  /** A one-step plan with the first tool, so that even a small model sees the shape it must produce. */
  private static String example(Collection<ToolDescriptor> tools) {
    ToolDescriptor first = tools.stream().min((a, b) -> a.name().compareTo(b.name())).orElse(null);
    if (first == null) {
      return "{\"steps\": []}";
    }
    String params = first.params().stream().filter(p -> p.required())
        .map(p -> "\"" + p.name() + "\": \"...\"").collect(Collectors.joining(", "));
    return "{\"steps\": [{\"name\": \"step1\", \"tool\": \"" + first.name() + "\", \"params\": {" + params
        + "}, \"needs\": []}]}";
  }

  static String goal(String goal, Map<String, String> params) {
    String p = params.isEmpty() ? "none" : params.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    return "Goal: " + goal + "\nTask parameters: " + p;
  }

  static String repair(List<PipelineProblem> problems) {
    return "That plan is invalid:\n" + problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"))
        + "\nAnswer with the whole corrected plan as JSON.";
  }

  static String replan(String failedPlanJson, String failedStep, String error) {
    return "This plan failed:\n" + failedPlanJson + "\nStep '" + failedStep + "' failed for good: " + error
        + "\nAnswer with a revised plan as JSON that reaches the goal without repeating that failure.";
  }
}

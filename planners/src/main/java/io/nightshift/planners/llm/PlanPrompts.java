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
    return "You plan tasks as a list of tool steps. Answer with JSON only: "
        + "{\"name\": ..., \"steps\": [{\"name\": ..., \"tool\": ..., \"params\": {...}, \"needs\": [...]}]}.\n"
        + "Tools:\n" + PlanSchema.describe(tools)
        + "Give every required parameter. To use the output of an earlier step X write ${steps.X.output} and put X in"
        + " needs. To use a task parameter P write ${params.P}. Name the steps step1, step2, ... in order.";
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

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

  /** The instructions, for plans of the given shape (the prompt shows the step forms the schema allows). */
  static String system(PlanSchema.Shape shape) {
    Collection<ToolDescriptor> tools = shape.tools();
    String agent = "\"kind\": \"agent\", \"prompt\": \"what it must do\", \"tools\": [\"tool name\"]";
    return "You plan tasks as steps" + (shape.toolSteps() ? " that call tools" : " done by agents, models that call"
            + " tools themselves") + ". Answer with JSON only, like this example:\n"
        + (shape.toolSteps() ? example(tools) : "{\"steps\": {\"step1\": {" + agent + "}}}")
        + "\nTools:\n" + PlanSchema.describe(tools)
        + "Name the steps step1, step2, ... in order." + (shape.toolSteps() ? " Give every required parameter." : "")
        + " To use the output of an earlier step X write ${steps.X.output} and put X in needs; a step can only need"
        + " steps before it. To use a task parameter P write ${params.P}."
        + (shape.toolSteps() && shape.agentSteps() ? "\nA step may instead be an agent, a model that calls tools"
            + " itself: \"step2\": {" + agent + ", \"needs\": []}. Use an agent step when the goal asks for one."
            : "");
  }

  /** A one-step plan with the first tool, so that even a small model sees the shape it must produce. */
  private static String example(Collection<ToolDescriptor> tools) {
    ToolDescriptor first = tools.stream().min((a, b) -> a.name().compareTo(b.name())).orElse(null);
    if (first == null) {
      return "{\"steps\": {}}";
    }
    String params = first.params().stream().filter(p -> p.required())
        .map(p -> "\"" + p.name() + "\": \"...\"").collect(Collectors.joining(", "));
    return "{\"steps\": {\"step1\": {\"tool\": \"" + first.name() + "\", \"params\": {" + params + "}}}}";
  }

  static String goal(String goal, Map<String, String> params) {
    String p = params.isEmpty() ? "none" : params.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    return "Goal: " + goal + "\nTask parameters: " + p;
  }

  /**
   * The validator's problems, and the names the plan may use, so a small model sees what is allowed instead of
   * guessing again.
   *
   * @param steps the steps of the invalid answer with what each does ("step1 (data.read_csv)"), empty when the
   *              answer could not be read
   */
  static String repair(List<PipelineProblem> problems, List<String> steps, Collection<String> taskParams) {
    StringBuilder sb = new StringBuilder("That plan is invalid:\n")
        .append(problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n")));
    if (!steps.isEmpty()) {
      sb.append("\nIts steps: ").append(String.join(", ", steps))
          .append(". A step may name in needs and in ${steps.X.output} only the steps before it.");
    }
    sb.append("\nTask parameters for ${params.P}: ")
        .append(taskParams.isEmpty() ? "none" : String.join(", ", taskParams.stream().sorted().toList()))
        .append(".\nAnswer with the whole corrected plan as JSON.");
    return sb.toString();
  }

  static String replan(String failedPlanJson, String failedStep, String error) {
    return "This plan failed:\n" + failedPlanJson + "\nStep '" + failedStep + "' failed for good: " + error
        + "\nAnswer with a revised plan as JSON that reaches the goal without repeating that failure.";
  }
}

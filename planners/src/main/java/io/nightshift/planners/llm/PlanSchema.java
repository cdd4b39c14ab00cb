package io.nightshift.planners.llm;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The JSON schema a plan answer must follow. Servers that enforce schemas (llama.cpp, vLLM) turn it into a grammar,
 * so it is written for a small model: a step is one of a variant per tool (anyOf), each with that tool's name as a
 * one-value enum and exactly that tool's parameters, the required ones required; step names are an enum too
 * (SmolLM2-135M named steps "Hello, World" and gave one tool another's parameters when it could). Every value is
 * a string and no other keys are allowed. What the schema cannot say (that {@code needs} names existing steps, that
 * references resolve, no cycles) the validator checks, and the model repairs.
 */
final class PlanSchema {
  private PlanSchema() {}

  /** Step names the model may use, {@code step1..stepN}: free names were the first thing a small model got wrong. */
  static List<String> stepNames(int maxSteps) {
    return java.util.stream.IntStream.rangeClosed(1, maxSteps).mapToObj(i -> "step" + i).toList();
  }

  static JsonSchema of(Collection<ToolDescriptor> tools, int maxSteps) {
    return of(tools, maxSteps, false);
  }

  /** @param agents whether a step may also be an agent (a model calling some of the tools itself) */
  static JsonSchema of(Collection<ToolDescriptor> tools, int maxSteps, boolean agents) {
    List<String> stepNames = stepNames(maxSteps);
    List<JsonSchemaElement> variants = new java.util.ArrayList<>(tools.stream()
        .sorted(Comparator.comparing(ToolDescriptor::name)).<JsonSchemaElement>map(t -> step(t, stepNames)).toList());
    if (agents && !tools.isEmpty()) {
      variants.add(agentStep(tools, stepNames));
    }
    JsonSchemaElement step = variants.size() == 1 ? variants.get(0) : JsonAnyOfSchema.builder().anyOf(variants).build();
    // no free-text plan name: a small model rambles in free text until it runs out of tokens
    JsonObjectSchema plan = JsonObjectSchema.builder()
        .addProperty("steps", JsonArraySchema.builder().items(step).build())
        .required("steps")
        .additionalProperties(false)
        .build();
    return JsonSchema.builder().name("Plan").rootElement(plan).build();
  }

  /** A step that calls {@code tool}: its own parameters, the required ones required. */
  private static JsonObjectSchema step(ToolDescriptor tool, List<String> stepNames) {
    JsonObjectSchema.Builder params = JsonObjectSchema.builder().additionalProperties(false);
    tool.params().forEach(p -> params.addStringProperty(p.name()));
    params.required(tool.params().stream().filter(ToolParam::required).map(ToolParam::name).toList());
    return JsonObjectSchema.builder()
        .addProperty("name", JsonEnumSchema.builder().enumValues(stepNames).build())
        .addProperty("tool", JsonEnumSchema.builder().enumValues(tool.name()).build())
        .addProperty("params", params.build())
        .addProperty("needs", JsonArraySchema.builder()
            .items(JsonEnumSchema.builder().enumValues(stepNames).build()).build())
        .required("name", "tool", "params", "needs")
        .additionalProperties(false)
        .build();
  }

  /**
   * An agent step: what to do in words and the tools it may call. The endpoint and turn limit are not the model's
   * to choose; the planner fills them in.
   */
  private static JsonObjectSchema agentStep(Collection<ToolDescriptor> tools, List<String> stepNames) {
    List<String> names = tools.stream().map(ToolDescriptor::name).sorted().toList();
    return JsonObjectSchema.builder()
        .addProperty("name", JsonEnumSchema.builder().enumValues(stepNames).build())
        .addProperty("kind", JsonEnumSchema.builder().enumValues("agent").build())
        .addStringProperty("prompt")
        .addProperty("tools", JsonArraySchema.builder().items(JsonEnumSchema.builder().enumValues(names).build())
            .build())
        .addProperty("needs", JsonArraySchema.builder()
            .items(JsonEnumSchema.builder().enumValues(stepNames).build()).build())
        .required("name", "kind", "prompt", "tools", "needs")
        .additionalProperties(false)
        .build();
  }

  /** One line per tool for the prompt: name, what it does, its parameters (required ones marked). */
  static String describe(Collection<ToolDescriptor> tools) {
    StringBuilder sb = new StringBuilder();
    tools.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(t -> {
      sb.append("- ").append(t.name()).append(": ").append(t.description()).append(". params: ");
      List<String> params = t.params().stream().map(PlanSchema::param).toList();
      sb.append(params.isEmpty() ? "none" : String.join(", ", params)).append('\n');
    });
    return sb.toString();
  }

  private static String param(ToolParam p) {
    return p.name() + (p.required() ? " (required)" : "") + " = " + p.description();
  }
}

package io.nightshift.planners.llm;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The JSON schema a plan answer must follow. Servers that enforce schemas (llama.cpp, vLLM) turn it into a grammar,
 * so it is written for a small model: tool names are an enum (it cannot invent one), parameter names are the known
 * ones, every value is a string, and no other keys are allowed. What the schema cannot say (that a parameter belongs
 * to that tool, that {@code needs} names existing steps, no cycles) the validator checks, and the model repairs.
 */
final class PlanSchema {
  private PlanSchema() {}

  static JsonSchema of(Collection<ToolDescriptor> tools) {
    List<String> toolNames = tools.stream().map(ToolDescriptor::name).sorted().toList();
    TreeSet<String> paramNames = new TreeSet<>();
    tools.forEach(t -> t.params().forEach(p -> paramNames.add(p.name())));
    JsonObjectSchema.Builder params = JsonObjectSchema.builder().additionalProperties(false);
    paramNames.forEach(p -> params.addStringProperty(p));
    JsonObjectSchema step = JsonObjectSchema.builder()
        .addStringProperty("name", "short step name: a letter, then letters, digits, '_' or '-'")
        .addProperty("tool", JsonEnumSchema.builder().enumValues(toolNames).build())
        .addProperty("params", params.build())
        .addProperty("needs", JsonArraySchema.builder().items(new JsonStringSchema()).build())
        .required("name", "tool", "params", "needs")
        .additionalProperties(false)
        .build();
    JsonObjectSchema plan = JsonObjectSchema.builder()
        .addStringProperty("name", "a short name for the plan")
        .addProperty("steps", JsonArraySchema.builder().items(step).build())
        .required("name", "steps")
        .additionalProperties(false)
        .build();
    return JsonSchema.builder().name("Plan").rootElement(plan).build();
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

package io.nightshift.planners.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The JSON schema a plan answer must follow. Servers that enforce schemas (llama.cpp, vLLM) turn it into a
 * grammar, so it is written so that a small model cannot get a plan's structure wrong:
 *
 * <pre>
 * {"steps": {"step1": {"tool": "data.read_csv", "params": {"source": "..."}},
 *            "step2": {"tool": "table.describe", "params": {"input": "${steps.step1.output}"}, "needs": ["step1"]}}}
 * </pre>
 *
 * <ul>
 *   <li>steps are keys {@code step1..stepN} in order, all present from step1 on (one alternative per plan length),
 *       so a plan has no free step names and no gaps (SmolLM2-135M named steps "Hello, World" when it could);</li>
 *   <li>step k's {@code needs} lists only steps before it, and every {@code ${steps.X.output}} in its texts names
 *       one of those and every {@code ${params.P}} a task parameter (a string pattern), so no plan can name an
 *       unknown step: on another CPU build the same model named unknown steps in {@code needs} four times running;</li>
 *   <li>a step is one of a variant per tool (anyOf), with that tool's name as a one-value enum and exactly that
 *       tool's parameters, the required ones required; or, when allowed, an agent step with at least one tool.</li>
 * </ul>
 * What a grammar cannot say (a value that makes sense) the validator checks, and the model repairs. The schema is
 * written as raw JSON ({@code $defs}, {@code $ref}, {@code pattern}, {@code minItems}), which LangChain4j's schema
 * elements cannot all express; llama.cpp's converter supports exactly this subset (no {@code (?:}, so plain groups;
 * {@code [$]} and {@code [.]} instead of escapes, which GBNF literals do not accept).
 */
final class PlanSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A character of plain text inside a JSON string: not a quote, backslash, control character or {@code $}. */
  private static final String PLAIN_CHAR = "[^$\"\\\\\\x00-\\x1f]";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private PlanSchema() {}

  /** Step names the model may use, {@code step1..stepN}: free names were the first thing a small model got wrong. */
  static List<String> stepNames(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "step" + i).toList();
  }

  /**
   * What a plan may hold.
   *
   * @param tools the tools its steps (and agents) may use
   * @param maxSteps the most steps
   * @param toolSteps whether a step may call one tool
   * @param agentSteps whether a step may be an agent (a model calling some of the tools itself)
   * @param taskParams the names of the task's parameters, which steps may use as {@code ${params.P}}
   */
  record Shape(Collection<ToolDescriptor> tools, int maxSteps, boolean toolSteps, boolean agentSteps,
      Collection<String> taskParams) {
    Shape {
      if (!toolSteps && !agentSteps) {
        throw new IllegalArgumentException("a plan needs tool steps, agent steps or both");
      }
    }
  }

  static JsonSchema of(Shape shape) {
    return JsonSchema.builder().name("Plan").rootElement(JsonRawSchema.from(document(shape).toString())).build();
  }

  static ObjectNode document(Shape shape) {
    Collection<ToolDescriptor> tools = shape.tools();
    int maxSteps = shape.maxSteps();
    List<ToolDescriptor> sorted = tools.stream().sorted(Comparator.comparing(ToolDescriptor::name)).toList();
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "object");
    ObjectNode defs = root.putObject("$defs");
    List<String> names = stepNames(maxSteps);
    for (int k = 1; k <= maxSteps; k++) {
      defs.set("step" + k, step(sorted, names.subList(0, k - 1), shape));
    }
    ArrayNode lengths = JSON.createArrayNode();
    for (int n = 1; n <= maxSteps; n++) {
      ObjectNode plan = lengths.addObject().put("type", "object");
      ObjectNode properties = plan.putObject("properties");
      ArrayNode required = plan.putArray("required");
      for (String name : names.subList(0, n)) {
        properties.putObject(name).put("$ref", "#/$defs/" + name);
        required.add(name);
      }
      plan.put("additionalProperties", false);
    }
    root.putObject("properties").putObject("steps").set("anyOf", lengths);
    root.putArray("required").add("steps");
    root.put("additionalProperties", false);
    return root;
  }

  /** Step k: one variant per tool (and an agent), needing only {@code earlier}. */
  private static ObjectNode step(List<ToolDescriptor> tools, List<String> earlier, Shape shape) {
    String text = textPattern(earlier, shape.taskParams());
    ArrayNode variants = JSON.createArrayNode();
    for (ToolDescriptor tool : shape.toolSteps() ? tools : List.<ToolDescriptor>of()) {
      ObjectNode variant = variants.addObject().put("type", "object");
      ObjectNode properties = variant.putObject("properties");
      properties.putObject("tool").putArray("enum").add(tool.name());
      ObjectNode params = properties.putObject("params").put("type", "object");
      ObjectNode paramProperties = params.putObject("properties");
      tool.params().forEach(p -> paramProperties.putObject(p.name()).put("type", "string").put("pattern", text));
      ArrayNode requiredParams = params.putArray("required");
      tool.params().stream().filter(ToolParam::required).forEach(p -> requiredParams.add(p.name()));
      params.put("additionalProperties", false);
      finish(variant, earlier, "tool", "params");
    }
    if (shape.agentSteps() && !tools.isEmpty()) {
      ObjectNode agent = variants.addObject().put("type", "object");
      ObjectNode properties = agent.putObject("properties");
      properties.putObject("kind").putArray("enum").add("agent");
      properties.putObject("prompt").put("type", "string").put("pattern", text);
      // at most as many as there are tools: a small model otherwise repeats one name until its tokens run out
      ObjectNode agentTools = properties.putObject("tools").put("type", "array").put("minItems", 1)
          .put("maxItems", tools.size());
      ArrayNode allowed = agentTools.putObject("items").putArray("enum");
      tools.forEach(t -> allowed.add(t.name()));
      finish(agent, earlier, "kind", "prompt", "tools");
    }
    return variants.size() == 1 ? (ObjectNode) variants.get(0) : JSON.createObjectNode().set("anyOf", variants);
  }

  /** Adds {@code needs} (only where there are earlier steps) and the required keys. */
  private static void finish(ObjectNode variant, List<String> earlier, String... required) {
    ArrayNode req = variant.putArray("required");
    for (String r : required) {
      req.add(r);
    }
    if (!earlier.isEmpty()) {
      ArrayNode allowed = ((ObjectNode) variant.get("properties")).putObject("needs").put("type", "array")
          .putObject("items").putArray("enum");
      earlier.forEach(allowed::add);
      req.add("needs");
    }
    variant.put("additionalProperties", false);
  }

  /**
   * Non-empty text in which every reference names an earlier step or a task parameter: plain characters, or
   * {@code ${steps.X.output}} for X in {@code earlier}, or {@code ${params.P}} for P in {@code taskParams}.
   */
  static String textPattern(List<String> earlier, Collection<String> taskParams) {
    List<String> refs = new ArrayList<>();
    if (!earlier.isEmpty()) {
      refs.add("[$]\\{steps[.](" + String.join("|", earlier) + ")[.]output\\}");
    }
    List<String> params = taskParams.stream().filter(p -> NAME.matcher(p).matches()).sorted()
        .map(p -> p.replace(".", "[.]")).collect(Collectors.toList());
    if (!params.isEmpty()) {
      refs.add("[$]\\{params[.](" + String.join("|", params) + ")\\}");
    }
    // one or more: an empty parameter or prompt is never what a plan means
    return refs.isEmpty() ? "^" + PLAIN_CHAR + "+$" : "^(" + PLAIN_CHAR + "|" + String.join("|", refs) + ")+$";
  }

  /** One line per tool for the prompt: name, what it does, its parameters (required ones marked). */
  static String describe(Collection<ToolDescriptor> tools) {
    StringBuilder sb = new StringBuilder();
    tools.stream().sorted(Comparator.comparing(ToolDescriptor::name)).forEach(t -> {
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

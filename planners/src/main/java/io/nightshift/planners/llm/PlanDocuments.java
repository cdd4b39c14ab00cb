package io.nightshift.planners.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Between the model's plan JSON and the declarative pipeline format. The answer becomes a pipeline document in
 * JSON, which is YAML, so the declarative {@code PipelineParser} reads it: an LLM plan and a hand-written pipeline
 * pass through the same parser and the same validator, and their errors read the same.
 */
final class PlanDocuments {
  static final String DEFAULT_NAME = "llm-plan";
  /** What an agent step of a model's plan is told: small models otherwise call tools until their turns run out. */
  static final String AGENT_INSTRUCTIONS = "Do the task with the tools. Call a tool once, then answer in one short"
      + " sentence with what it returned.";
  // small models put raw newlines inside JSON strings; the intent is clear, so accept them
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

  private PlanDocuments() {}

  /**
   * @param params the task parameters, declared in the document so that {@code ${params.X}} resolves
   * @throws InvalidPipelineException when the answer is not a JSON object
   */
  static String toPipeline(String answer, String goal, Map<String, String> params) {
    return toPipeline(answer, goal, params, null, 0, List.of(), ContextSettings.DEFAULTS, LoopGuardSettings.DEFAULTS);
  }

  /**
   * @param agentModel the endpoint agent steps run on (the model does not choose it), or null when the planner
   *                   makes no agent steps; then an agent step the model wrote anyway fails validation
   * @param agentMaxTurns the turn limit given to agent steps that set none
   * @param agentTools the tools an agent step that lists none may call: every tool the planner plans with
   * @param agentContext the {@code context:} block of every agent step (the model does not choose it)
   * @param agentLoopGuard the {@code loop_guard:} block of every agent step (nor this)
   */
  static String toPipeline(String answer, String goal, Map<String, String> params, String agentModel,
      int agentMaxTurns, List<String> agentTools, ContextSettings agentContext, LoopGuardSettings agentLoopGuard) {
    JsonNode root;
    try {
      root = JSON.readTree(answer == null ? "" : answer);
    } catch (JsonProcessingException e) {
      throw problem("the answer is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw problem("the answer must be a JSON object with 'steps'");
    }
    ObjectNode doc = JSON.createObjectNode();
    String name = root.path("name").asText("").strip();
    doc.put("name", name.isEmpty() ? DEFAULT_NAME : name);
    doc.put("description", goal);
    ObjectNode declared = doc.putObject("params");
    new TreeMap<>(params).forEach(declared::put);
    JsonNode steps = asList(root.get("steps"));
    if (steps != null && steps.isArray() && agentModel != null) {
      for (JsonNode step : steps) {
        if (step instanceof ObjectNode o && "agent".equals(o.path("kind").asText())) {
          o.put("model", agentModel);
          if (!o.has("instructions")) {
            o.put("instructions", AGENT_INSTRUCTIONS);
          }
          if (!o.path("tools").isArray() || o.path("tools").isEmpty()) {
            ArrayNode tools = o.putArray("tools");
            agentTools.forEach(tools::add);
          }
          // the agent sees what the whole task is for: a small model's step prompt alone is often too thin to act
          // on (a goal with ${...} in it stays out, since the text would read as references)
          if (goal != null && !goal.isBlank() && !goal.contains("${")
              && !o.path("prompt").asText("").startsWith("Task goal: ")) {
            o.put("prompt", "Task goal: " + goal + "\nThis step: " + o.path("prompt").asText(""));
          }
          if (!o.has("max_turns")) {
            o.put("max_turns", agentMaxTurns);
          }
          if (!agentContext.equals(ContextSettings.DEFAULTS)) {
            o.set("context", contextBlock(agentContext));
          }
          // always the planner's, also over one the model wrote: a loop bound is the operator's to choose
          o.remove("loop_guard");
          if (!agentLoopGuard.equals(LoopGuardSettings.DEFAULTS)) {
            o.set("loop_guard", JSON.createObjectNode().put("max_repeats", agentLoopGuard.maxRepeats())
                .put("max_consecutive_failures", agentLoopGuard.maxConsecutiveFailures()));
          }
        }
      }
    }
    doc.set("steps", steps == null ? JSON.createArrayNode() : steps);
    return doc.toString();
  }

  /** The settings as the pipeline format's {@code context:} block, which the step parser reads back. */
  private static ObjectNode contextBlock(ContextSettings context) {
    ObjectNode block = JSON.createObjectNode();
    block.put("strategy", context.strategy().name().toLowerCase(Locale.ROOT));
    block.put("keep_last_turns", context.keepLastTurns());
    context.summaryEndpoint().ifPresent(id -> block.put("summary_endpoint", id));
    context.reserveTokens().ifPresent(tokens -> block.put("reserve_tokens", tokens));
    return block;
  }

  /**
   * The answer's steps as the pipeline format's list: the schema's keyed form ({@code {"step1": {...}, ...}}, the
   * key becoming the step's name, duplicate needs dropped) or a list as written (a server that does not enforce
   * the schema may answer one).
   */
  private static JsonNode asList(JsonNode steps) {
    if (steps == null || !steps.isObject()) {
      return steps;
    }
    ArrayNode list = JSON.createArrayNode();
    steps.fields().forEachRemaining(e -> {
      ObjectNode step = list.addObject();
      step.put("name", e.getKey());
      if (e.getValue() instanceof ObjectNode body) {
        body.fields().forEachRemaining(f -> step.set(f.getKey(), f.getValue()));
      }
      if (step.path("needs").isArray()) {
        Set<String> distinct = new LinkedHashSet<>();
        step.get("needs").forEach(n -> distinct.add(n.asText()));
        ArrayNode needs = step.putArray("needs");
        distinct.forEach(needs::add);
      }
    });
    return list;
  }

  /** The steps of an answer with what each does ("step1 (data.read_csv)"), for a repair prompt; empty if unreadable. */
  static List<String> describeSteps(String answer) {
    try {
      JsonNode steps = asList(JSON.readTree(answer == null ? "" : answer).path("steps"));
      List<String> described = new ArrayList<>();
      for (JsonNode step : steps == null ? JSON.createArrayNode() : steps) {
        String does = step.hasNonNull("tool") ? step.path("tool").asText() : step.path("kind").asText("?");
        described.add(step.path("name").asText("?") + " (" + does + ")");
      }
      return described;
    } catch (JsonProcessingException | RuntimeException e) {
      return List.of();
    }
  }

  /** A plan in the answer format (steps keyed by name), to show the model what failed. */
  static String toAnswer(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode steps = root.putObject("steps");
    for (PlannedStep s : plan.steps()) {
      ObjectNode step = steps.putObject(s.name());
      if (s.agent() != null) {
        step.put("kind", "agent");
        step.put("prompt", s.agent().prompt());
        ArrayNode tools = step.putArray("tools");
        s.agent().tools().forEach(tools::add);
        ArrayNode needs = step.putArray("needs");
        s.needs().forEach(needs::add);
        continue;
      }
      step.put("tool", s.tool());
      ObjectNode p = step.putObject("params");
      new TreeMap<>(s.params()).forEach(p::put);
      ArrayNode needs = step.putArray("needs");
      s.needs().forEach(needs::add);
    }
    return root.toString();
  }

  private static InvalidPipelineException problem(String message) {
    return new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0, message)));
  }
}

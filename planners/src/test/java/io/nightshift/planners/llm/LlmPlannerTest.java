package io.nightshift.planners.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.StructuredOutput;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmPlannerTest {
  static final ToolCatalog TOOLS = new ToolCatalog() {
    final List<ToolDescriptor> all = List.of(
        new ToolDescriptor("data.load", "Loads a CSV table", List.of(ToolParam.required("source", "where from"))),
        new ToolDescriptor("table.filter", "Keeps matching rows", List.of(ToolParam.required("input", "a table"),
            ToolParam.optional("where", "condition", "x > 0"))));

    @Override
    public Optional<ToolDescriptor> describe(String name) {
      return all.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public Collection<ToolDescriptor> all() {
      return all;
    }
  };
  static final String VALID = """
      {"name":"screen","steps":[
        {"name":"load","tool":"data.load","params":{"source":"${params.file}"},"needs":[]},
        {"name":"small","tool":"table.filter","params":{"input":"${steps.load.output}","where":"mw < 500"},"needs":["load"]}]}""";
  /** The schema's form: steps keyed step1..stepN (step2 lists its need twice, as a small model may). */
  static final String KEYED = """
      {"steps":{"step1":{"tool":"data.load","params":{"source":"${params.file}"}},
        "step2":{"tool":"table.filter","params":{"input":"${steps.step1.output}","where":"mw < 500"},
                 "needs":["step1","step1"]}}}""";
  private static final PlanRequest REQUEST = PlanRequest.submitted("keep the small molecules", null,
      Map.of("file", "a.csv"));

  private ScriptedOpenAiServer server;
  private LlmPlanner planner;

  @BeforeEach
  void setUp() {
    server = ScriptedOpenAiServer.start("model");
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(server.baseUrl()).modelName("model").structuredOutput(StructuredOutput.JSON_OBJECT_WITH_SCHEMA)
        .build())));
    planner = LlmPlanner.builder(models, "planner", TOOLS).maxRepairs(2).build();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void shouldTurnAGoalIntoAValidatedPlanUnderTheSchema() {
    server.enqueue(ScriptedReply.text(KEYED));

    Plan plan = planner.plan(REQUEST);

    assertThat(plan.version()).isEqualTo(1);
    assertThat(plan.origin()).isEqualTo("llm:planner");
    assertThat(plan.pipeline()).isEqualTo("llm-plan");
    assertThat(plan.steps()).extracting(PlannedStep::name).containsExactly("step1", "step2");
    assertThat(plan.step("step1").params()).containsEntry("source", "a.csv");
    assertThat(plan.step("step2").needs()).as("the repeated need counted once").containsExactly("step1");
    assertThat(server.chatRequests().get(0).responseFormat().path("type").asText()).isEqualTo("json_object");
    assertThat(server.chatRequests().get(0).json().path("temperature").asDouble()).isZero();
    String prompt = server.chatRequests().get(0).json().path("messages").get(0).path("content").asText();
    assertThat(prompt).contains("- data.load: Loads a CSV table. params: source (required) = where from")
        .contains("{\"steps\": {\"step1\": {\"tool\": \"data.load\", \"params\": {\"source\": \"...\"}}}}");
  }

  @Test
  void shouldAskForAPlanWhoseStructureAndStepNamesTheGrammarFixes() {
    server.enqueue(ScriptedReply.text(KEYED));

    planner.plan(REQUEST);

    JsonNode schema = server.chatRequests().get(0).responseFormat().path("schema");
    assertThat(schema.path("required").toString()).isEqualTo("[\"steps\"]");
    JsonNode lengths = schema.path("properties").path("steps").path("anyOf");
    assertThat(lengths).as("one alternative per plan length, steps 1..n all present").hasSize(12);
    assertThat(lengths.get(1).path("required").toString()).isEqualTo("[\"step1\",\"step2\"]");
    assertThat(lengths.get(1).path("properties").path("step2").path("$ref").asText()).isEqualTo("#/$defs/step2");
    JsonNode step1 = schema.path("$defs").path("step1").path("anyOf");
    assertThat(step1).hasSize(2);
    assertThat(step1.get(0).path("properties").path("tool").path("enum").toString()).isEqualTo("[\"data.load\"]");
    assertThat(step1.get(0).path("properties").path("params").path("required").toString()).isEqualTo("[\"source\"]");
    assertThat(step1.get(1).path("properties").path("params").path("properties").fieldNames()).toIterable()
        .containsExactly("input", "where");
    assertThat(step1.get(0).path("properties").has("needs")).as("the first step needs nothing").isFalse();
    JsonNode step3 = schema.path("$defs").path("step3").path("anyOf").get(1).path("properties");
    assertThat(step3.path("needs").path("items").path("enum").toString()).isEqualTo("[\"step1\",\"step2\"]");
    String pattern = step3.path("params").path("properties").path("input").path("pattern").asText();
    assertThat("${steps.step2.output} and ${params.file}").matches(pattern);
    assertThat("mw < 500").matches(pattern);
    assertThat("${steps.step3.output}").as("its own output").doesNotMatch(pattern);
    assertThat("${steps.load.output}").as("an unknown step").doesNotMatch(pattern);
    assertThat("${params.other}").as("an undeclared parameter").doesNotMatch(pattern);
    assertThat("").as("an empty value").doesNotMatch(pattern);
  }

  @Test
  void shouldStillReadAPlanWrittenAsAListByAServerThatIgnoresTheSchema() {
    server.enqueue(ScriptedReply.text(VALID));

    Plan plan = planner.plan(REQUEST);

    assertThat(plan.pipeline()).isEqualTo("screen");
    assertThat(plan.steps()).extracting(PlannedStep::name).containsExactly("load", "small");
    assertThat(plan.step("small").needs()).containsExactly("load");
  }

  @Test
  void shouldSendTheValidatorsProblemsBackAndUseTheRepairedPlan() {
    String cyclic = """
        {"name":"p","steps":[{"name":"a","tool":"data.load","params":{},"needs":["b"]},
          {"name":"b","tool":"table.filter","params":{"input":"${steps.a.output}"},"needs":[]}]}""";
    server.enqueue(ScriptedReply.text(cyclic), ScriptedReply.text("{\"name\": \"p\", \"steps\": [tru"),
        ScriptedReply.text(VALID));

    Plan plan = planner.plan(REQUEST);

    assertThat(plan.steps()).hasSize(2);
    List<String> asked = server.lastMessages();
    assertThat(asked.get(1)).startsWith("That plan is invalid:")
        .contains("step 'a' field 'params.source'").contains("required by tool 'data.load'")
        .contains("Its steps: a (data.load), b (table.filter). A step may name in needs and in ${steps.X.output}"
            + " only the steps before it.")
        .contains("Task parameters for ${params.P}: file.");
    assertThat(asked.get(2)).contains("the answer is not valid JSON");
    assertThat(server.chatRequests().get(2).messageCount()).as("only the latest attempt goes back").isEqualTo(4);
    assertThat(server.chatRequests().get(1).json().path("temperature").asDouble())
        .isEqualTo(LlmPlanner.REPAIR_TEMPERATURE);
  }

  @Test
  void shouldFailListingTheProblemsWhenRepairsRunOut() {
    String unknownNeed = """
        {"name":"p","steps":[{"name":"a","tool":"data.load","params":{"source":"x"},"needs":["ghost"]}]}""";
    server.otherwise(ScriptedReply.text(unknownNeed));

    InvalidPipelineException e = catchThrowableOfType(InvalidPipelineException.class, () -> planner.plan(REQUEST));

    assertThat(server.chatRequests()).hasSize(3);
    assertThat(e.getMessage()).contains("gave no valid plan in 3 attempts").contains("needs unknown step 'ghost'");
  }

  @Test
  void shouldReplanFromAFailedStepAsTheNextVersion() {
    server.enqueue(ScriptedReply.text(VALID));
    Plan first = planner.plan(REQUEST);
    String revised = """
        {"name":"screen","steps":[
          {"name":"load","tool":"data.load","params":{"source":"backup.csv"},"needs":[]},
          {"name":"small","tool":"table.filter","params":{"input":"${steps.load.output}"},"needs":["load"]}]}""";
    server.enqueue(ScriptedReply.text(revised));

    Plan second = planner.replan(REQUEST, first, "load", "file a.csv not found");

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.step("load").params()).containsEntry("source", "backup.csv");
    String asked = server.lastMessages().get(1);
    assertThat(asked).contains("This plan failed:").contains("\"source\":\"a.csv\"")
        .contains("Step 'load' failed for good: file a.csv not found");
  }

  @Test
  void shouldRepairAnUnknownToolFromAServerThatDoesNotEnforceTheSchema() {
    String unknownTool = """
        {"steps":[{"name":"step1","tool":"web.search","params":{"q":"x"},"needs":[]}]}""";
    server.enqueue(ScriptedReply.text(unknownTool), ScriptedReply.text(VALID));

    Plan plan = planner.plan(REQUEST);

    assertThat(plan.steps()).extracting(PlannedStep::tool).containsExactly("data.load", "table.filter");
    assertThat(server.lastMessages().get(1)).contains("step 'step1' field 'tool'").contains("unknown tool 'web.search'")
        .contains("known tools: data.load, table.filter");
  }

  @Test
  void shouldSendBackAKeyTheToolDoesNotTakeRatherThanPassItOn() {
    String extraKey = """
        {"steps":[{"name":"step1","tool":"data.load","params":{"source":"x","nim_url":"http://10.0.0.5"},"needs":[]}]}""";
    server.otherwise(ScriptedReply.text(extraKey));

    InvalidPipelineException e = catchThrowableOfType(InvalidPipelineException.class, () -> planner.plan(REQUEST));

    assertThat(server.lastMessages().get(1)).contains("step 'step1' field 'params.nim_url'")
        .contains("tool 'data.load' has no parameter 'nim_url'; it takes: source");
    assertThat(e.getMessage()).contains("gave no valid plan in 3 attempts").contains("no parameter 'nim_url'");
  }

  @Test
  void shouldRejectACyclicPlanNamingTheCycleWhenRepairsRunOut() {
    String cyclic = """
        {"steps":[{"name":"step1","tool":"data.load","params":{"source":"x"},"needs":["step2"]},
          {"name":"step2","tool":"table.filter","params":{"input":"${steps.step1.output}"},"needs":[]}]}""";
    server.otherwise(ScriptedReply.text(cyclic));

    InvalidPipelineException e = catchThrowableOfType(InvalidPipelineException.class, () -> planner.plan(REQUEST));

    assertThat(server.chatRequests()).hasSize(3);
    assertThat(e.getMessage()).contains("gave no valid plan in 3 attempts")
        .containsPattern("dependency cycle: step\\d -> step\\d -> step\\d");
    assertThat(server.lastMessages().get(1)).contains("dependency cycle");
  }

  @Test
  void shouldOfferAgentStepsAndNameTheirEndpointItself() {
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(server.baseUrl()).modelName("model").structuredOutput(StructuredOutput.JSON_OBJECT_WITH_SCHEMA)
        .build())));
    LlmPlanner withAgents = LlmPlanner.builder(models, "planner", TOOLS).agentModel("worker-llm", 3).build();
    server.enqueue(ScriptedReply.text("""
        {"steps":[{"name":"step1","tool":"data.load","params":{"source":"${params.file}"},"needs":[]},
          {"name":"step2","kind":"agent","prompt":"filter ${steps.step1.output}","tools":["table.filter"],
           "needs":["step1"]}]}"""));

    Plan plan = withAgents.plan(REQUEST);

    PlannedStep agent = plan.step("step2");
    assertThat(agent.kind()).isEqualTo(StepKind.AGENT);
    assertThat(agent.agent().model()).isEqualTo("worker-llm");
    assertThat(agent.agent().maxTurns()).isEqualTo(3);
    assertThat(agent.agent().instructions()).isEqualTo(PlanDocuments.AGENT_INSTRUCTIONS);
    assertThat(agent.agent().tools()).containsExactly("table.filter");
    assertThat(agent.agent().prompt()).isEqualTo("Task goal: keep the small molecules\nThis step: filter ${steps.step1.output}");
    assertThat(agent.needs()).containsExactly("step1");
    JsonNode variants = server.chatRequests().get(0).responseFormat().path("schema").path("$defs")
        .path("step2").path("anyOf");
    assertThat(variants).hasSize(3);
    assertThat(variants.get(2).path("properties").path("tools").path("minItems").asInt()).isEqualTo(1);
    assertThat(variants.get(2).path("properties").path("kind").path("enum").toString()).isEqualTo("[\"agent\"]");
    assertThat(variants.get(2).path("properties").has("model")).as("the model does not choose the endpoint").isFalse();
    assertThat(server.chatRequests().get(0).json().path("messages").get(0).path("content").asText())
        .contains("\"kind\": \"agent\"");
  }

  @Test
  void shouldPlanOnlyAgentStepsWhenAskedTo() {
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(server.baseUrl()).modelName("model").structuredOutput(StructuredOutput.JSON_OBJECT_WITH_SCHEMA)
        .build())));
    LlmPlanner agents = LlmPlanner.builder(models, "planner", TOOLS).agentModel("worker-llm", 3).agentStepsOnly()
        .build();
    server.enqueue(ScriptedReply.text("""
        {"steps":{"step1":{"kind":"agent","prompt":"load ${params.file}","tools":["data.load"]}}}"""));

    Plan plan = agents.plan(REQUEST);

    assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.agent().tools()).containsExactly("data.load"));
    JsonNode variants = server.chatRequests().get(0).responseFormat().path("schema").path("$defs").path("step1");
    assertThat(variants.has("anyOf")).as("one variant: the agent").isFalse();
    assertThat(variants.path("properties").path("kind").path("enum").toString()).isEqualTo("[\"agent\"]");
    assertThat(variants.path("properties").path("tools").path("maxItems").asInt()).isEqualTo(2);
    assertThat(server.chatRequests().get(0).json().path("messages").get(0).path("content").asText())
        .contains("done by agents").contains("{\"steps\": {\"step1\": {\"kind\": \"agent\"");
    assertThat(Assertions.catchThrowable(
            () -> LlmPlanner.builder(models, "planner", TOOLS).agentStepsOnly().build()))
        .hasMessageContaining("agent steps only need an agent model");
  }

  @Test
  void shouldLetAnAgentStepThatListsNoToolsUseEveryPlannerTool() {
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(server.baseUrl()).modelName("model").build())));
    LlmPlanner withAgents = LlmPlanner.builder(models, "planner", TOOLS).agentModel("worker-llm", 3).build();
    server.enqueue(ScriptedReply.text("""
        {"steps":[{"name":"step1","kind":"agent","prompt":"load it","tools":[],"needs":[]}]}"""));

    Plan plan = withAgents.plan(REQUEST);

    assertThat(plan.step("step1").agent().tools()).containsExactly("data.load", "table.filter");
  }

  @Test
  void shouldShowAnAgentStepOfTheFailedPlanWhenReplanning() {
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(server.baseUrl()).modelName("model").build())));
    LlmPlanner withAgents = LlmPlanner.builder(models, "planner", TOOLS).agentModel("worker-llm", 3).build();
    String agentPlan = """
        {"steps":[{"name":"step1","kind":"agent","prompt":"load a.csv","tools":["data.load"],"needs":[]}]}""";
    server.enqueue(ScriptedReply.text(agentPlan), ScriptedReply.text(VALID));
    Plan first = withAgents.plan(REQUEST);

    Plan second = withAgents.replan(REQUEST, first, "step1", "the agent made 3 model calls without answering");

    assertThat(second.version()).isEqualTo(2);
    assertThat(server.lastMessages().get(1)).contains("\"kind\":\"agent\",\"prompt\":\"Task goal: keep the small molecules\\nThis step: load a.csv\"")
        .contains("Step 'step1' failed for good: the agent made 3 model calls");
  }
}

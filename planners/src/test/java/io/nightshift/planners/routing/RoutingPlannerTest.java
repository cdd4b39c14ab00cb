package io.nightshift.planners.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.planners.llm.LlmPlanner;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingPlannerTest {
  private static final ToolCatalog TOOLS = new ToolCatalog() {
    final ToolDescriptor upper = new ToolDescriptor("text.upper", "Upper-cases text",
        List.of(ToolParam.required("text", "the text")));

    @Override
    public Optional<ToolDescriptor> describe(String name) {
      return name.equals(upper.name()) ? Optional.of(upper) : Optional.empty();
    }

    @Override
    public Collection<ToolDescriptor> all() {
      return List.of(upper);
    }
  };
  private static final String PIPELINE = """
      name: upper
      steps:
        - name: shout
          tool: text.upper
          params: {text: hi}
      """;
  private static final String MODEL_PLAN = """
      {"steps":[{"name":"step1","tool":"text.upper","params":{"text":"hello"},"needs":[]}]}""";

  private ScriptedOpenAiServer server;
  private RoutingPlanner routing;

  @BeforeEach
  void setUp() {
    server = ScriptedOpenAiServer.start("model");
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(server.baseUrl()).modelName("model").build())));
    routing = RoutingPlanner.of(new DeclarativePlanner(TOOLS),
        LlmPlanner.builder(models, "planner", TOOLS).build());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void shouldPlanPipelinesDeclarativelyWithoutAskingTheModel() {
    Plan plan = routing.plan(PlanRequest.submitted("shout", PIPELINE, Map.of()));

    assertThat(plan.origin()).isEqualTo("declarative");
    assertThat(plan.pipeline()).isEqualTo("upper");
    assertThat(server.chatRequests()).isEmpty();
  }

  @Test
  void shouldPlanAGoalWithoutPipelineOnTheModel() {
    server.enqueue(ScriptedReply.text(MODEL_PLAN));

    Plan plan = routing.plan(PlanRequest.submitted("shout hello", null, Map.of()));

    assertThat(plan.origin()).isEqualTo("llm:planner");
    assertThat(plan.step("step1").tool()).isEqualTo("text.upper");
  }

  @Test
  void shouldReviseADeclarativePlanOnTheModel() {
    Plan first = routing.plan(PlanRequest.submitted("shout", PIPELINE, Map.of()));
    server.enqueue(ScriptedReply.text(MODEL_PLAN));

    Plan second = routing.replan(PlanRequest.submitted("shout", PIPELINE, Map.of()), first, "shout", "boom");

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.origin()).isEqualTo("llm:planner");
  }

  @Test
  void shouldSayHowToConfigureAPlannerWhenAGoalComesWithoutOne() {
    RoutingPlanner pipelinesOnly = RoutingPlanner.declarativeOnly(new DeclarativePlanner(TOOLS));

    InvalidPipelineException e = catchThrowableOfType(InvalidPipelineException.class,
        () -> pipelinesOnly.plan(PlanRequest.submitted("shout hello", null, Map.of())));
    InvalidPipelineException r = catchThrowableOfType(InvalidPipelineException.class,
        () -> pipelinesOnly.replan(PlanRequest.submitted("g", PIPELINE, Map.of()),
            pipelinesOnly.plan(PlanRequest.submitted("g", PIPELINE, Map.of())), "shout", "boom"));

    assertThat(pipelinesOnly.hasModelPlanner()).isFalse();
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("pipeline"));
    assertThat(e.getMessage()).contains("no planner model").contains("'planner:' section").contains("--models");
    assertThat(r.getMessage()).contains("replanning needs a planner model");
  }

  @Test
  void shouldRefuseAnEmptyGoalWithoutPipeline() {
    InvalidPipelineException e = catchThrowableOfType(InvalidPipelineException.class,
        () -> routing.plan(PlanRequest.submitted("  ", null, Map.of())));

    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("goal"));
    assertThat(server.chatRequests()).isEmpty();
  }
}

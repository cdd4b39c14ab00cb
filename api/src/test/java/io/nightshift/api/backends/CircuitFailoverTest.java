package io.nightshift.api.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.StreamObserver;
import io.nightshift.api.AgentsOnPools;
import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.CircuitState;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.ListBackendsResponse;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.models.endpoint.CircuitBreakerSettings;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.PriceBasis;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.EndpointConfig;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.ModelEndpointGuards;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool's model endpoint starts failing: its circuit breaker opens, the API shows it OPEN and the pool's circuit
 * open, the running agent moves to the endpoint of the other pool, the next agent step is placed there at once, and
 * the task completes. Real parts: LangChain4j over sockets to scripted OpenAI-compatible servers, Resilience4j,
 * the fleet and inventory of the runtime, the task and agent workflows on Temporal's test server.
 */
class CircuitFailoverTest {
  @TempDir Path dir;
  private ScriptedOpenAiServer failing;
  private ScriptedOpenAiServer working;
  private BackendFleet fleet;
  private FleetInventory inventory;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() throws Exception {
    failing = ScriptedOpenAiServer.start("smollm2").otherwise(ScriptedReply.status(500, "CUDA error: device lost"));
    working = ScriptedOpenAiServer.start("smollm2").otherwise(ScriptedReply.text("42 candidates pass", 30, 5));
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(endpoint("a-llm", failing),
        endpoint("b-llm", working)));
    fleet = BackendFleet.create(List.of(pool("cheap", "1", failing), pool("dear", "9", working)),
        AcceleratorBackends.load(), "test");
    inventory = new FleetInventory(fleet, Duration.ofSeconds(5), ModelEndpointGuards.of(registry));

    env = TestWorkflowEnvironment.newInstance();
    AgentsOnPools.start(env, plan(), registry, fleet, inventory, dir);
  }

  @AfterEach
  void tearDown() {
    env.close();
    inventory.close();
    fleet.close();
    failing.close();
    working.close();
  }

  @Test
  void shouldOpenTheFailingEndpointsCircuitShowItAndMoveTheNextSubtasksToTheOtherPool() {
    TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("failover").setTaskQueue(TaskQueues.CONTROL).build());
    task.run(TaskInput.builder("failover", "g").pipeline("screen", "placed").pools(List.of("cheap", "dear")).build());

    assertThat(task.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
    Map<String, StepStatus> steps = task.progress().steps().stream()
        .collect(Collectors.toMap(StepStatus::name, Function.identity()));
    // the first agent was placed on the cheap pool, whose endpoint failed until its circuit opened; the agent's
    // next call went to the endpoint serving the same model on the other pool
    assertThat(steps.get("triage").run().orElseThrow().pool()).isEqualTo("dear");
    assertThat(steps.get("triage").run().orElseThrow().placement())
        .contains("sticky").contains("failed over to endpoint b-llm on dear");
    // the next subtask was placed on the other pool at once, with the reason
    assertThat(steps.get("summarise").run().orElseThrow().pool()).isEqualTo("dear");
    assertThat(steps.get("summarise").run().orElseThrow().placement()).contains("cheapest (failover past 1 pool(s))")
        .contains("cheap: circuit breaker open on every model endpoint of the pool: a-llm OPEN (100% of 2 recent"
            + " calls failed");
    assertThat(failing.chatRequests()).as("no call reached the failing server once its circuit opened").hasSize(2);
    assertThat(working.chatRequests()).hasSize(2);

    Map<String, Backend> api = listBackends();
    Backend cheap = api.get("cheap");
    assertThat(cheap.getCircuitOpen()).isTrue();
    assertThat(cheap.getCircuitDetail()).startsWith("circuit breaker open on every model endpoint of the pool");
    assertThat(cheap.getEndpoints(0).getGuardsList()).singleElement().satisfies(g -> {
      assertThat(g.getModelEndpointId()).isEqualTo("a-llm");
      assertThat(g.getCircuitState()).isEqualTo(CircuitState.CIRCUIT_STATE_OPEN);
      assertThat(g.getFailedCalls()).isEqualTo(2);
      assertThat(g.getFailureRatePercent()).isEqualTo(100f);
      // the call that opened the breaker moved on to the other endpoint, so no call was ever refused
      assertThat(g.getNotPermittedCalls()).isZero();
      assertThat(g.getAvailableConcurrentCalls()).as("2 slots + 1 queued at the server").isEqualTo(3);
      assertThat(g.getMaxConcurrentCalls()).isEqualTo(3);
    });
    Backend dear = api.get("dear");
    assertThat(dear.getCircuitOpen()).isFalse();
    assertThat(dear.getEndpoints(0).getGuards(0).getCircuitState()).isEqualTo(CircuitState.CIRCUIT_STATE_CLOSED);
    assertThat(dear.getEndpoints(0).getGuards(0).getBufferedCalls()).isEqualTo(2);
  }

  private Map<String, Backend> listBackends() {
    AtomicReference<ListBackendsResponse> got = new AtomicReference<>();
    new BackendServiceImpl(inventory).listBackends(ListBackendsRequest.getDefaultInstance(),
        new StreamObserver<>() {
          @Override public void onNext(ListBackendsResponse value) { got.set(value); }
          @Override public void onError(Throwable t) { throw new AssertionError(t); }
          @Override public void onCompleted() {}
        });
    return got.get().getBackendsList().stream().collect(Collectors.toMap(Backend::getId, Function.identity()));
  }

  private static ModelEndpointConfig endpoint(String id, ScriptedOpenAiServer server) {
    return ModelEndpointConfig.custom().id(id).baseUrl(server.baseUrl()).modelName("smollm2").maxConcurrency(2)
        .requestTimeout(Duration.ofSeconds(5)).priceBasis(PriceBasis.per1k("1", "2"))
        .circuitBreaker(new CircuitBreakerSettings(50f, 2, 2, Duration.ofMinutes(10))).build();
  }

  /** A simulated pool whose one server is the scripted one (named as the backends file would: without /v1). */
  private static PoolConfig pool(String id, String price, ScriptedOpenAiServer server) {
    URI root = URI.create(server.baseUrl().replaceFirst("/v1$", ""));
    return new PoolConfig("simulated", id, Map.of("devices", "2", "price-per-unit-hour", price), 1.0,
        List.of("smollm2"), List.of(new EndpointConfig("smollm2", root)), List.of());
  }

  private static Plan plan() {
    Requirements needs = new Requirements("any", 1, 0, "smollm2", 0, 0);
    PlannedStep triage = agentStep("triage", List.of(), needs);
    PlannedStep summarise = agentStep("summarise", List.of("triage"), needs);
    return new Plan("screen", 1, Map.of(), List.of(triage, summarise), PlacementSpec.of("cheapest", null), null);
  }

  private static PlannedStep agentStep(String name, List<String> needs, Requirements requires) {
    AgentSettings agent = AgentSettings.builder("a-llm", "how many pass?").instructions("be brief").maxTurns(3)
        .build();
    return new PlannedStep(name, StepKind.AGENT, null, Map.of(), needs, StepPolicy.DEFAULT, null, 0, null, requires,
        agent, false);
  }
}

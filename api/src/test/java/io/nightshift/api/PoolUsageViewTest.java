package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
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
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task view sums, per pool, the tokens, accelerator-seconds and cost of the steps that ran there: agent steps
 * placed on two pools (each serving its own model through a scripted server with usage figures), run on Temporal's
 * test server, mapped to the API's Task.
 */
class PoolUsageViewTest {
  @TempDir Path dir;

  @Test
  void shouldSumTokensUnitSecondsAndCostPerPool() throws Exception {
    try (ScriptedOpenAiServer small = ScriptedOpenAiServer.start("small");
        ScriptedOpenAiServer large = ScriptedOpenAiServer.start("large");
        BackendFleet fleet = BackendFleet.create(List.of(pool("cpu-a", "small", small), pool("cpu-b", "large", large)),
            AcceleratorBackends.load(), "test")) {
      small.otherwise(ScriptedReply.text("ok", 100, 20));
      large.otherwise(ScriptedReply.text("ok", 1000, 50));
      ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(endpoint("small-1", "small", small),
          endpoint("large-1", "large", large)));
      FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5), ModelEndpointGuards.of(registry));
      TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
      try (inventory; env) {
        AgentsOnPools.start(env, plan(), registry, fleet, inventory, dir);
        TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("usage").setTaskQueue(TaskQueues.CONTROL).build());
        task.run(TaskInput.builder("usage", "g").pipeline("usage", "x").pools(List.of("cpu-a", "cpu-b")).build());

        Task view = TaskViews.fromProgress(task.progress()).build();

        Map<String, Step> steps = new HashMap<>();
        view.getStepsList().forEach(s -> steps.put(s.getName(), s));
        assertThat(steps.get("first-small").getPool()).isEqualTo("cpu-a");
        assertThat(steps.get("first-small").getTokens()).isEqualTo(120);
        assertThat(steps.get("big").getPool()).isEqualTo("cpu-b");
        assertThat(steps.get("big").getTokens()).isEqualTo(1050);
        assertThat(view.getTokensByPoolMap()).containsOnly(Map.entry("cpu-a", 240L), Map.entry("cpu-b", 1050L));
        // small: 100 in at 0.5/1k + 20 out at 1/1k = 0.07 per call; large: 1000 at 2/1k + 50 at 4/1k = 2.2
        assertThat(view.getCostByPoolMap().get("cpu-a")).isCloseTo(0.14, within(1e-9));
        assertThat(view.getCostByPoolMap().get("cpu-b")).isCloseTo(2.2, within(1e-9));
        // each agent held its one-unit share of its pool while it ran (the pools' units cost nothing here)
        assertThat(view.getUnitSecondsByPoolMap()).containsOnlyKeys("cpu-a", "cpu-b");
        assertThat(view.getUnitSecondsByPoolMap().values()).allSatisfy(s -> assertThat(s).isPositive());
        assertThat(fleet.pools()).allSatisfy(p -> assertThat(p.backend().leases()).isEmpty());
      }
    }
  }

  private static Plan plan() {
    return new Plan("usage", 1, Map.of(), List.of(agent("first-small", "small-1", "small", List.of()),
        agent("big", "large-1", "large", List.of()), agent("second-small", "small-1", "small", List.of("first-small"))),
        PlacementSpec.of("cheapest", null), null);
  }

  private static PlannedStep agent(String name, String endpoint, String model, List<String> needs) {
    return new PlannedStep(name, StepKind.AGENT, null, Map.of(), needs, StepPolicy.DEFAULT, null, 0, null,
        new Requirements("any", 1, 0, model, 0, 0),
        AgentSettings.builder(endpoint, "go").instructions("be brief").maxTurns(2).build(), false);
  }

  private static ModelEndpointConfig endpoint(String id, String model, ScriptedOpenAiServer server) {
    PriceBasis price = model.equals("small") ? PriceBasis.per1k("0.5", "1") : PriceBasis.per1k("2", "4");
    return ModelEndpointConfig.custom().id(id).baseUrl(server.baseUrl()).modelName(model).priceBasis(price).build();
  }

  private static PoolConfig pool(String id, String model, ScriptedOpenAiServer server) {
    return new PoolConfig("simulated", id, Map.of("devices", "2"), 1.0, List.of(model),
        List.of(new EndpointConfig(model, URI.create(server.baseUrl().replaceFirst("/v1$", "")))), List.of());
  }
}

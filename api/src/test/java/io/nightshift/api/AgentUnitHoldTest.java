package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Task;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.EndpointConfig;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.ModelEndpointGuards;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.runtime.backends.TrackedBackend;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent step on a pool's running model server holds its share of the pool's units while it runs: the lease is
 * on the pool during the agent's (slow) model call, gone when the step ends, and its hold time is the step's
 * unit-seconds. The runtime's fleet, gate and hold activities, the agent workflow against a scripted server.
 */
class AgentUnitHoldTest {
  @TempDir Path dir;

  @Test
  void shouldHoldThePoolsUnitsWhileTheAgentRunsAndReleaseThemAfter() throws Exception {
    try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start("m");
        BackendFleet fleet = BackendFleet.create(List.of(new PoolConfig("simulated", "gpus",
            Map.of("devices", "2"), 1.0, List.of("m"), List.of(new EndpointConfig("m",
            URI.create(server.baseUrl().replaceFirst("/v1$", "")))), List.of())), AcceleratorBackends.load(), "t")) {
      server.otherwise(ScriptedReply.slow(Duration.ofSeconds(2), ScriptedReply.text("done", 10, 2)));
      ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("m-1")
          .baseUrl(server.baseUrl()).modelName("m").build()));
      FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5), ModelEndpointGuards.of(registry));
      TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
      try (inventory; env) {
        AgentsOnPools.start(env, plan(), registry, fleet, inventory, dir);
        BackendFleet.Pool pool = fleet.pools().get(0);
        TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("holds").setTaskQueue(TaskQueues.CONTROL).build());
        WorkflowClient.start(task::run, TaskInput.builder("holds", "g").pipeline("p", "x")
            .pools(List.of("gpus")).build());

        Lease held = awaitLease(pool.backend());

        assertThat(held.owner()).isEqualTo("holds/think");
        assertThat(held.units()).isEqualTo(2);
        // the task view reads the pending keeper call, whose heartbeats carry no details, without tripping on it
        assertThat(new TaskReader(env.getWorkflowClient()).get("holds", TenantScope.everyTenant())
            .getSteps(0).getWaiting()).isEmpty();
        env.getWorkflowClient().newUntypedWorkflowStub("holds").getResult(30, TimeUnit.SECONDS, Object.class);
        Task view = TaskViews.fromProgress(task.progress()).build();
        assertThat(view.getSteps(0).getUnitSeconds()).as("2 units for at least the 2 s model call")
            .isGreaterThanOrEqualTo(2 * 1.9);
        // the held units' telemetry, read while the agent ran: the simulator shows them busy at 700 W each
        assertThat(view.getSteps(0).getTelemetry().getPeakUtilizationPercent()).isEqualTo(100);
        assertThat(view.getSteps(0).getTelemetry().getMeanPowerWatts()).isEqualTo(2 * 700);
        assertThat(view.getSteps(0).getTelemetry().getLive()).isFalse();
        assertThat(pool.backend().leases()).isEmpty();
      }
    }
  }

  private static Lease awaitLease(TrackedBackend pool) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Optional<Lease> lease = pool.leases().stream().findFirst();
      if (lease.isPresent()) {
        return lease.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no lease was taken on the pool while the agent ran");
  }

  private static Plan plan() {
    PlannedStep think = new PlannedStep("think", StepKind.AGENT, null, Map.of(), List.of(), StepPolicy.DEFAULT,
        null, 0, null, new Requirements("any", 2, 0, "m", 0, 0),
        AgentSettings.builder("m-1", "go").maxTurns(2).build(), false);
    return new Plan("p", 1, Map.of(), List.of(think), PlacementSpec.DEFAULT, null);
  }
}

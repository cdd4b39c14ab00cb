package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.runtime.backends.InventoryWorkflowTestSupport.Ask;
import io.nightshift.runtime.backends.InventoryWorkflowTestSupport.AskInventory;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendWorkerTest {
  private static final String CALLER_QUEUE = "test-caller";
  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private BackendFleet fleet;
  private FleetInventory inventory;
  private WorkerFactory backendWorkers;

  @BeforeEach
  void start() throws IOException {
    fleet = BackendFleet.create(List.of(
        new PoolConfig("simulated", "sim-gpu", Map.of("devices", "8", "price-per-unit-hour", "6.15"), 4.0,
            List.of("llama"), List.of(), List.of()),
        BackendFleetTest.pool("nvidia", "no-driver", Map.of("nvidia-smi", dir.resolve("nvidia-smi").toString()))),
        AcceleratorBackends.load(), "test");
    inventory = new FleetInventory(fleet, Duration.ofSeconds(10));
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(CALLER_QUEUE).registerWorkflowImplementationTypes(InventoryWorkflowTestSupport.AskInventoryImpl.class);
    env.start();
    ToolFiles files =
        ToolFiles.withoutInputs(FileArtifactStore.unencrypted(dir.resolve("artifacts")), dir.resolve("scratch"));
    backendWorkers = BackendWorker.start(env.getWorkflowClient(), inventory,
        gate -> new StepActivitiesImpl(name -> Optional.empty(), files, 1_000, gate), false);
  }

  @AfterEach
  void stop() {
    backendWorkers.shutdownNow();
    env.close();
    inventory.close();
    fleet.close();
  }

  private InventoryResult ask(String queuePool, List<String> pools) {
    return env.getWorkflowClient().newWorkflowStub(AskInventory.class,
        WorkflowOptions.newBuilder().setTaskQueue(CALLER_QUEUE).build()).ask(new Ask(queuePool, pools));
  }

  @Test
  void shouldAnswerOnThePoolsQueueWithPlacementViewsOfEveryPool() {
    fleet.pool("sim-gpu").orElseThrow().backend().allocate(LeaseRequest.of("t1", 2));

    InventoryResult result = ask("sim-gpu", List.of());

    assertThat(result.pools()).extracting(PoolSnapshot::poolId).containsExactly("sim-gpu", "no-driver");
    PoolSnapshot sim = result.pool("sim-gpu").orElseThrow();
    assertThat(sim.view().kind()).isEqualTo(AcceleratorKind.NVIDIA_GPU);
    assertThat(sim.view().freeUnits()).isEqualTo(6);
    assertThat(sim.view().totalUnits()).isEqualTo(8);
    assertThat(sim.view().pricePerUnitHour()).isEqualTo(6.15);
    assertThat(sim.view().speed()).isEqualTo(4.0);
    assertThat(sim.view().models()).isEqualTo(Set.of("llama"));
    assertThat(sim.view().healthy()).isTrue();
    assertThat(sim.simulated()).isTrue();
    PoolSnapshot broken = result.pool("no-driver").orElseThrow();
    assertThat(broken.health()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(broken.view().healthy()).isFalse();
    assertThat(broken.detail()).contains("cannot run");
  }

  @Test
  void shouldAnswerOnlyTheRequestedPoolsOnTheBrokenPoolsOwnQueue() {
    InventoryResult result = ask("no-driver", List.of("no-driver"));

    assertThat(result.pools()).extracting(PoolSnapshot::poolId).containsExactly("no-driver");
  }

  @Test
  void shouldFailWithoutRetryForAPoolThisWorkerDoesNotServe() {
    assertThatThrownBy(() -> ask("sim-gpu", List.of("trn-far-away")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause().isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(InventoryActivities.UNKNOWN_POOL);
          assertThat(f.getOriginalMessage()).contains("'trn-far-away'").contains("backend-trn-far-away");
        });
  }
}

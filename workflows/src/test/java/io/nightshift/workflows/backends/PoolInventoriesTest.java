package io.nightshift.workflows.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.Placement;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import io.nightshift.core.accelerator.placement.StepRequirements;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolInventoriesTest {
  @WorkflowInterface
  public interface Collect {
    @WorkflowMethod
    FleetSnapshot collect(List<String> poolIds);
  }

  public static final class CollectImpl implements Collect {
    @Override
    public FleetSnapshot collect(List<String> poolIds) {
      // A short wait for workers, so the test does not sit out the default 30 s for the pool nobody serves.
      return PoolInventories.collect(poolIds, Duration.ofSeconds(2));
    }
  }

  /** What a worker with one pool answers on that pool's queue. */
  record OnePool(PoolSnapshot pool) implements InventoryActivities {
    @Override
    public InventoryResult inventory(InventoryRequest request) {
      assertThat(request.poolIds()).containsExactly(pool.poolId());
      return new InventoryResult(List.of(pool));
    }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker("caller").registerWorkflowImplementationTypes(CollectImpl.class);
    env.newWorker("backend-gpu-a").registerActivitiesImplementations(new OnePool(InventoryRecordsTest.pool("gpu-a",
        AcceleratorKind.NVIDIA_GPU, 8, 8, 6.15, HealthStatus.State.UP, "")));
    env.newWorker("backend-trn").registerActivitiesImplementations(new OnePool(InventoryRecordsTest.pool("trn",
        AcceleratorKind.NEURON_CORE, 32, 32, 0.67, HealthStatus.State.UP, "")));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void shouldAskEachPoolOnItsOwnQueueAndLeaveOutAPoolNoWorkerServes() {
    FleetSnapshot fleet = env.getWorkflowClient().newWorkflowStub(Collect.class,
        WorkflowOptions.newBuilder().setTaskQueue("caller").build())
        .collect(List.of("gpu-a", "gone", "trn", "gpu-a"));

    assertThat(fleet.pools()).extracting(PoolSnapshot::poolId).containsExactly("gpu-a", "trn");
    assertThat(fleet.unreachable()).containsOnlyKeys("gone");
    assertThat(fleet.unreachable().get("gone")).contains("backend-gone").contains("SCHEDULE_TO_START");
    assertThat(Placement.place(fleet.views(), StepRequirements.any(2), PlacementPolicy.cheapest(), Optional.empty())
        .pool()).contains("trn");
  }
}

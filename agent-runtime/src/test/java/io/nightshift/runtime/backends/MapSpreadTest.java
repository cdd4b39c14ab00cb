package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5,000-chunk map whose chunks each need one unit spreads over an 8-unit and a 4-unit pool in proportion to
 * their capacity: every chunk runs under a lease on one of them, and each pool's gate keeps it to its units. The
 * chunks of a pool that fails them move to the other.
 * Temporal's test server, the runtime's fleet, gates and pool workers, the map workflow tree.
 */
class MapSpreadTest {
  private static final int ITEMS = 5_000;
  @TempDir Path dir;

  @Test
  void shouldMoveTheChunksOfAFailingPoolToTheOtherAndFinishTheMap() throws Exception {
    try (BackendFleet fleet = BackendFleet.create(List.of(pool("broken", 8), pool("sound", 4)),
        AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(10));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
      ArtifactRef items = store.put(Csv.write(new Table(List.of("item"), itemRows(200)))
          .getBytes(StandardCharsets.UTF_8), "text/csv");
      WorkerFactory pools = start(env, store, inventory, items, new StepPolicy(1, 0, 0, 0, List.of(), 0, 0, false));
      try {
        TaskWorkflow task = run(env, List.of("broken", "sound"));

        StepStatus map = task.progress().steps().get(0);
        Table result = Csv.parse(new String(store.read(map.outcome().output()), StandardCharsets.UTF_8));
        assertThat(result.rows()).hasSize(200);
        assertThat(result.rows()).extracting(r -> r.get(1)).containsOnly("sound");
      } finally {
        pools.shutdownNow();
      }
    }
  }

  private WorkerFactory start(TestWorkflowEnvironment env, FileArtifactStore store, FleetInventory inventory,
      ArtifactRef items, StepPolicy policy) {
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan(items, policy)),
        new MapActivitiesImpl(store));
    env.start();
    ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"));
    return BackendWorker.start(env.getWorkflowClient(), inventory,
        gate -> new StepActivitiesImpl(name -> Optional.of(new Where()), files, 1_000, gate), true);
  }

  private static TaskWorkflow run(TestWorkflowEnvironment env, List<String> pools) {
    TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("spread").setTaskQueue(TaskQueues.CONTROL).build());
    task.run(TaskInput.builder("spread", "g").pipeline("spread", "placed").pools(pools).build());
    assertThat(task.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
    return task;
  }

  @Test
  void shouldSpreadAFiveThousandChunkMapOverTwoPoolsInProportionToCapacity() throws Exception {
    try (BackendFleet fleet = BackendFleet.create(List.of(pool("big", 8), pool("small", 4)),
        AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(10));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
      ArtifactRef items = store.put(Csv.write(new Table(List.of("item"), itemRows(ITEMS)))
          .getBytes(StandardCharsets.UTF_8), "text/csv");
      WorkerFactory pools = start(env, store, inventory, items, StepPolicy.DEFAULT);
      try {
        TaskWorkflow task = run(env, List.of("big", "small"));

        StepStatus map = task.progress().steps().get(0);
        assertThat(map.outcome().summary()).endsWith("in 5000 chunks over big, small");
        Table result = Csv.parse(new String(store.read(map.outcome().output()), StandardCharsets.UTF_8));
        assertThat(result.rows()).hasSize(ITEMS);
        assertThat(result.rows()).extracting(r -> r.get(0)).doesNotHaveDuplicates();
        Map<String, Long> perPool = result.rows().stream()
            .collect(Collectors.groupingBy(r -> r.get(1), Collectors.counting()));
        double bigShare = perPool.getOrDefault("big", 0L) / (double) ITEMS;
        // capacity says 8 / 12 = 0.667; an even split would be 0.5, everything on one pool 1.0
        assertThat(bigShare).as("share of chunks on the 8-unit pool: " + perPool).isBetween(0.6, 0.8);
        assertThat(fleet.pools()).allSatisfy(p -> assertThat(p.backend().leases()).isEmpty());
      } finally {
        pools.shutdownNow();
      }
    }
  }

  private static List<List<String>> itemRows(int n) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of("item-" + i));
    }
    return rows;
  }

  private static PoolConfig pool(String id, int units) {
    return new PoolConfig("simulated", id, Map.of("devices", String.valueOf(units)), 1.0, List.of(), List.of(),
        List.of());
  }

  private static Plan plan(ArtifactRef items, StepPolicy policy) {
    PlannedStep map = new PlannedStep("score", StepKind.MAP, "where", Map.of(), List.of(), policy,
        new MapSettings(items.uri(), 1, 48, "input"), 0, null, new Requirements("nvidia_gpu", 1, 0, "", 0, 0), null,
        false);
    return new Plan("spread", 1, Map.of(), List.of(map), PlacementSpec.DEFAULT, null);
  }

  /**
   * Answers which pool its one item ran on, after holding its unit a few milliseconds; on a pool named "broken"
   * it fails as a lost device would.
   */
  private static final class Where implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("where", "names the pool it ran on", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      String pool = context.units().orElseThrow().lease().backendId();
      if (pool.equals("broken")) {
        throw ToolException.retryable("CUDA error: device lost", null);
      }
      try {
        Table in = Csv.parse(new String(context.artifacts().read(context.artifacts().resolve(
            arguments.values().get("input"))), StandardCharsets.UTF_8));
        Thread.sleep(20); // long enough that the pools' units, not Temporal's dispatch, bound each pool's pace
        Table out = new Table(List.of("item", "pool"), List.of(List.of(in.rows().get(0).get(0), pool)));
        return new ToolOutput(context.artifacts().put(Csv.write(out).getBytes(StandardCharsets.UTF_8), "text/csv"),
            pool);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.permanent("interrupted");
      } catch (IOException e) {
        throw ToolException.retryable("store", e);
      }
    }
  }
}

package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.nightshift.accelerators.simulated.SimulatedWorkTool;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.StepRun;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A map under {@code placement: {policy: cheapest, deadline: ...}} over a cheap and a dear simulated pool of the
 * same speed: with time to spare every chunk runs on the cheap pool; with a deadline no pool can meet, the task
 * says so and both pools work. The chunks really hold simulated units for their modelled time
 * ({@link SimulatedWorkTool}); Temporal's test server without time skipping, so workflow time is wall time.
 */
class MapDeadlineTest {
  private static final int CHUNKS = 60;
  @TempDir Path dir;

  @Test
  void shouldRunEveryChunkOnTheCheapPoolWhenItAloneMeetsTheDeadline() throws Exception {
    TaskProgress done = run(Duration.ofMinutes(2));

    StepRun run = done.steps().get(0).run().orElseThrow();
    assertThat(run.pool()).isEqualTo("cheap");
    assertThat(run.placement()).startsWith("spread against the deadline: cheap " + CHUNKS + " chunks");
    // 60 chunks x 0.2 s on 1 unit at $1/unit-hour
    assertThat(run.unitSeconds()).isBetween(60 * 0.2, 60 * 0.2 * 1.5);
    assertThat(run.cost()).isCloseTo(run.unitSeconds() / 3600, offset(1e-9));
    DeadlineReport report = done.deadline().orElseThrow();
    assertThat(report.reachable()).as(report.detail()).isTrue();
    // the chunks' telemetry as one: the simulator reads its leased devices busy, drawing 700 W each
    assertThat(run.telemetry()).hasValueSatisfying(t -> {
      assertThat(t.peakUtilizationPercent()).hasValue(100);
      assertThat(t.meanPowerWatts()).hasValue(700);
    });
  }

  @Test
  void shouldSayTheDeadlineCannotBeMetAndUseEveryPool() throws Exception {
    TaskProgress done = run(Duration.ofMillis(900));

    DeadlineReport report = done.deadline().orElseThrow();
    assertThat(report.reachable()).isFalse();
    // said when the map was split (no pool could make it), and again when its chunks were done, late
    assertThat(report.detail()).startsWith("work: its chunks were done at ").contains("too late for the deadline");
    StepRun run = done.steps().get(0).run().orElseThrow();
    assertThat(run.placement()).contains("cheap ").contains("dear ");
  }

  private TaskProgress run(Duration deadlineIn) throws Exception {
    try (BackendFleet fleet = BackendFleet.create(List.of(pool("cheap", 1), pool("dear", 4)),
        AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(10));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
      ArtifactRef items = store.put(Csv.write(new Table(List.of("id", "work"), rows()))
          .getBytes(StandardCharsets.UTF_8), "text/csv");
      Worker control = env.newWorker(TaskQueues.CONTROL);
      control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
      control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan(items,
          System.currentTimeMillis() + deadlineIn.toMillis())), new MapActivitiesImpl(store));
      env.start();
      ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"));
      SimulatedWorkTool tool = new SimulatedWorkTool();
      WorkerFactory pools = BackendWorker.start(env.getWorkflowClient(), inventory,
          gate -> new StepActivitiesImpl(name -> Optional.of(tool), files, 1_000, gate), true);
      try {
        TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("paced").setTaskQueue(TaskQueues.CONTROL).build());
        task.run(TaskInput.builder("paced", "g").pipeline("paced", "placed").pools(List.of("cheap", "dear")).build());
        TaskProgress progress = task.progress();
        assertThat(progress.status().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(fleet.pools()).allSatisfy(p -> assertThat(p.backend().leases()).isEmpty());
        return progress;
      } finally {
        pools.shutdownNow();
      }
    }
  }

  /** 4 units doing 10 work units a second each; the same speed at different prices. */
  private static PoolConfig pool(String id, double price) {
    return new PoolConfig("simulated", id, Map.of("devices", "4", "throughput-per-unit", "10",
        "scaling-efficiency", "1", "price-per-unit-hour", String.valueOf(price)), 10, List.of(), List.of(),
        List.of());
  }

  /** Items of 2 work units: 0.2 s on one unit; declared as 2 s on a reference unit (speed 1). */
  private static List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < CHUNKS; i++) {
      rows.add(List.of("item-" + i, "2"));
    }
    return rows;
  }

  private static Plan plan(ArtifactRef items, long deadlineMillis) {
    PlannedStep map = new PlannedStep("work", StepKind.MAP, SimulatedWorkTool.NAME, Map.of(), List.of(),
        StepPolicy.DEFAULT, new MapSettings(items.uri(), 1, 48, "input"), 0, null,
        new Requirements("nvidia_gpu", 1, 0, "", 0, 2), null, false);
    return new Plan("paced", 1, Map.of(), List.of(map), new PlacementSpec("cheapest", null, deadlineMillis), null);
  }
}

package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.tool.Tool;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.backends.BackendActivityOptions;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps that {@code require} accelerators run on the pool placement picks, on that pool's own queue, and fail
 * over to the next pool when theirs keeps failing. Two pools: a cheap one whose model endpoint is broken and a
 * dearer one that works.
 */
class PlacementFailoverTest {
  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private final TextTools tools = new TextTools();
  private final AtomicInteger cheapAttempts = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    env = TestWorkflowEnvironment.newInstance();
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan(r.pipelineYaml())),
        new StepActivitiesImpl(tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200), new MapActivitiesImpl(store));
    pool("cheap", 1.0, 0, store, name -> {
      cheapAttempts.incrementAndGet();
      throw ToolException.retryable("model endpoint on cheap refused the connection", null);
    });
    pool("dear", 9.0, 7_000, store, name -> null);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void shouldFailOverFromBrokenCheapPoolAndRecordWhereAndAtWhatCostStepsRan() {
    TaskWorkflow wf = stub("placed");
    wf.run(input("placed", "cheapest"));

    StepStatus gen = Plans.byName(wf.progress()).get("generate");
    assertThat(gen.state()).isEqualTo(StepState.SUCCEEDED);
    assertThat(gen.run().orElseThrow().pool()).isEqualTo("dear");
    assertThat(gen.run().orElseThrow().placement()).contains("cheapest").contains("cheap: model endpoint on cheap refused");
    assertThat(gen.run().orElseThrow().cost()).isGreaterThanOrEqualTo(0);
    assertThat(cheapAttempts).hasValue(2); // the step's own retries on cheap first, then failover
    assertThat(Plans.byName(wf.progress()).get("prepare").run()).isEmpty(); // no requires: control workers
  }

  @Test
  void shouldWaitForEachPoolsWorkersAsLongAsThePoolsInventorySays() {
    stub("pickup").run(input("pickup", "cheapest"));

    // cheap reports no pickup timeout (as pools did before they had one): the default; dear reports 7 s
    assertThat(scheduleToStartOn("pickup", "cheap", "RunStep")).isNotEmpty()
        .allSatisfy(t -> assertThat(t).isEqualTo(ActivityPolicies.POOL_PICKUP_TIMEOUT));
    assertThat(scheduleToStartOn("pickup", "dear", "RunStep")).containsExactly(Duration.ofSeconds(7));
    // inventory calls: the default until a pool has reported, then what it reported (failover asks again)
    assertThat(scheduleToStartOn("pickup", "dear", "Inventory"))
        .startsWith(BackendActivityOptions.INVENTORY_SCHEDULE_TO_START).contains(Duration.ofSeconds(7));
    assertThat(scheduleToStartOn("pickup", "cheap", "Inventory")).hasSizeGreaterThan(1)
        .containsOnly(BackendActivityOptions.INVENTORY_SCHEDULE_TO_START);
  }

  /** The schedule-to-start timeout of every call of {@code activity} the workflow scheduled on {@code pool}'s queue. */
  private List<Duration> scheduleToStartOn(String workflowId, String pool, String activity) {
    return env.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getTaskQueue().getName().equals(BackendQueues.forPool(pool))
            && a.getActivityType().getName().equals(activity))
        .map(a -> Duration.ofSeconds(a.getScheduleToStartTimeout().getSeconds(),
            a.getScheduleToStartTimeout().getNanos()))
        .toList();
  }

  @Test
  void shouldNotFailOverPinnedPoolAndSayWhy() {
    TaskWorkflow wf = stub("pinned");
    assertThatThrownBy(() -> wf.run(input("pinned", "pinned")))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .hasMessageContaining("no pool can run step 'generate'")
        .hasMessageContaining("it failed on cheap: model endpoint on cheap refused the connection");
  }

  private void pool(String id, double price, long pickupMillis, FileArtifactStore store,
      Function<String, Object> hook) {
    Worker worker = env.newWorker(BackendQueues.forPool(id));
    PoolView view = new PoolView(id, AcceleratorKind.NVIDIA_GPU, 4, 4, 80L << 30, price, 700, 1.0, Set.of(), true,
        false);
    worker.registerActivitiesImplementations((InventoryActivities) request -> new InventoryResult(List.of(
        new PoolSnapshot(view, HealthStatus.State.UP, "test pool", true, Instant.EPOCH, List.of(), List.of(),
            pickupMillis))),
        new StepActivitiesImpl(name -> {
          hook.apply(name);
          Optional<Tool> t = tools.find(name.replace("gpu.", "text."));
          return t;
        }, ToolFiles.withoutInputs(store, dir.resolve("scratch-" + id)), 200));
  }

  private Plan plan(String policy) {
    PlannedStep prepare = PlannedStep.tool("prepare", "text.emit", Map.of("text", "candidates"), List.of());
    PlannedStep generate = new PlannedStep("generate", StepKind.TOOL, "gpu.upper",
        Map.of("input", "${steps.prepare.output}"), List.of("prepare"),
        new StepPolicy(2, 10, 1.0, 10, List.of(), 0, 0, false), null, 0, null,
        new Requirements("nvidia_gpu", 1, 0, "", 0, 0), null, false);
    return new Plan("placed", 1, Map.of(), List.of(prepare, generate),
        policy.equals("pinned") ? PlacementSpec.of("pinned", "cheap") : PlacementSpec.of(policy, null), null);
  }

  private TaskInput input(String id, String policy) {
    return TaskInput.builder(id, "g").pipeline("placed", policy).pools(List.of("cheap", "dear")).build();
  }

  private TaskWorkflow stub(String id) {
    return env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
  }
}

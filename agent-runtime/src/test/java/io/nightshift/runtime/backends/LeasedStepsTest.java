package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps placed on a pool run under leases of its units, through the whole runtime path: the task workflow places
 * each step, the pool's worker queues it at the pool's gate, leases its units from the backend and runs the tool
 * with them. Real parts: the Nvidia backend (over a stand-in nvidia-smi that reports 8 GPUs), the CPU backend with
 * taskset pinning (the kernel's own affinity is checked), the task workflow on Temporal's test server.
 */
class LeasedStepsTest {
  @TempDir Path dir;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private BackendFleet fleet;
  private FleetInventory inventory;
  private TestWorkflowEnvironment env;
  private WorkerFactory pools;
  private Plan plan;

  /** What one step saw while it ran. */
  private record Run(Instant start, Instant end, List<Integer> devices, String processSaw) {}

  @BeforeEach
  void setUp() throws IOException {
    Path nvidiaSmi = dir.resolve("nvidia-smi");
    Files.writeString(nvidiaSmi, "#!/bin/sh\n" + "for i in 0 1 2 3 4 5 6 7; do echo \"$i, GPU-0000000$i, NVIDIA H100"
        + " 80GB HBM3, 81559, 1, 0, 70.0, 700.0, 30\"; done\n");
    Files.setPosixFilePermissions(nvidiaSmi, PosixFilePermissions.fromString("rwxr-xr-x"));
    fleet = BackendFleet.create(List.of(
        new PoolConfig("nvidia", "gpus", Map.of("nvidia-smi", nvidiaSmi.toString()), 1.0, List.of(), List.of(),
            List.of()),
        new PoolConfig("cpu", "cores", Map.of("cores", "2", "pin-with-taskset", "true"), 1.0, List.of(), List.of(),
            List.of())), AcceleratorBackends.load(), "test");
    inventory = new FleetInventory(fleet, Duration.ofSeconds(10));
    env = TestWorkflowEnvironment.newInstance();
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"));
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan), new MapActivitiesImpl(store));
    env.start();
    Map<String, Tool> tools = Map.of("hold", new Hold(), "affinity", new Affinity());
    pools = BackendWorker.start(env.getWorkflowClient(), inventory,
        gate -> new StepActivitiesImpl(name -> Optional.ofNullable(tools.get(name)), files, 500, gate), true);
  }

  @AfterEach
  void tearDown() {
    pools.shutdownNow();
    env.close();
    inventory.close();
    fleet.close();
  }

  @Test
  void shouldRunTwoStepsThatEachNeedEightUnitsOnAnEightUnitPoolOneAfterTheOther() {
    plan = plan(step("first", "hold", "nvidia_gpu", 8), step("second", "hold", "nvidia_gpu", 8));

    Map<String, StepStatus> steps = run("two-eights");

    Run first = runs.get("first");
    Run second = runs.get("second");
    Run earlier = first.start().isBefore(second.start()) ? first : second;
    Run later = earlier == first ? second : first;
    assertThat(later.start()).as("the second lease waits for the first to be released").isAfterOrEqualTo(earlier.end());
    assertThat(first.devices()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    // unit-seconds are the lease's hold time: 8 units for at least the tool's 400 ms, not wall time of the task
    assertThat(steps.get("first").run().orElseThrow().unitSeconds()).isBetween(8 * 0.4, 8 * 3.0);
    assertThat(fleet.pool("gpus").orElseThrow().backend().leases()).as("every lease released").isEmpty();
  }

  @Test
  void shouldQueueAStepPlacedWhileItsPoolIsBusyInsteadOfFailingIt() {
    PlannedStep busy = step("busy", "hold", "nvidia_gpu", 8);
    PlannedStep quick = step("quick", "affinity", "cpu", 1);
    PlannedStep later = step("later", "hold", "nvidia_gpu", 8);
    // busy holds the pool long enough that later is placed while it does, even when quick's start is slow (a
    // loaded machine once took over 2 s from the task's start to later's placement)
    plan = plan(withParams(busy, Map.of("name", "busy", "millis", "6000")), quick,
        new PlannedStep("later", StepKind.TOOL, "hold", later.params(), List.of("quick"), StepPolicy.DEFAULT, null, 0,
            null, later.requires(), null, false));

    Map<String, StepStatus> steps = run("queued");

    assertThat(steps.get("later").run().orElseThrow().placement())
        .contains("queued: no eligible pool has 8 unit(s) free now");
    assertThat(runs.get("later").start()).isAfterOrEqualTo(runs.get("busy").end());
  }

  @Test
  void shouldShowAToolOnlyItsLeasedGpusAndAProcessItStartsTheSame() {
    plan = plan(step("pair", "hold", "nvidia_gpu", 2), step("quad", "hold", "nvidia_gpu", 4));

    run("some-gpus");

    Run pair = runs.get("pair");
    Run quad = runs.get("quad");
    assertThat(pair.devices()).hasSize(2);
    assertThat(quad.devices()).hasSize(4);
    assertThat(pair.devices()).doesNotContainAnyElementsOf(quad.devices());
    assertThat(pair.processSaw()).isEqualTo(join(pair.devices()));
    assertThat(quad.processSaw()).isEqualTo(join(quad.devices()));
  }

  @Test
  void shouldPinAProcessToItsLeasedCpuCores() {
    plan = plan(step("pinned", "affinity", "cpu", 1));

    Map<String, StepStatus> steps = run("pinned");

    // the kernel's view of the process the tool started: exactly the one core the lease holds
    assertThat(steps.get("pinned").outcome().summary()).matches("Cpus_allowed_list:\\s+[01]");
  }

  private Map<String, StepStatus> run(String id) {
    TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
    task.run(TaskInput.builder(id, "g").pipeline("leases", "placed").pools(List.of("gpus", "cores")).build());
    assertThat(task.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
    return task.progress().steps().stream().collect(Collectors.toMap(StepStatus::name, Function.identity()));
  }

  private static String join(List<Integer> devices) {
    return devices.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static Plan plan(PlannedStep... steps) {
    return new Plan("leases", 1, Map.of(), List.of(steps), PlacementSpec.DEFAULT, null);
  }

  private static PlannedStep withParams(PlannedStep s, Map<String, String> params) {
    return new PlannedStep(s.name(), s.kind(), s.tool(), params, s.needs(), s.policy(), null, 0, null, s.requires(),
        null, false);
  }

  private static PlannedStep step(String name, String tool, String kind, int units) {
    return new PlannedStep(name, StepKind.TOOL, tool, Map.of("name", name), List.of(), StepPolicy.DEFAULT, null, 0,
        null, new Requirements(kind, units, 0, "", 0, 0), null, false);
  }

  /** Holds its units for 400 ms; records them and what a process it starts is shown. */
  private final class Hold implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("hold", "holds its units a while", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      Instant start = Instant.now();
      List<Integer> devices = context.units().orElseThrow().devices().stream().map(Device::index).toList();
      String saw = output(context, List.of("sh", "-c", "echo $CUDA_VISIBLE_DEVICES"));
      sleep(Long.parseLong(arguments.values().getOrDefault("millis", "400")));
      runs.put(arguments.values().get("name"), new Run(start, Instant.now(), devices, saw));
      return text(context, "held " + devices);
    }
  }

  /** Answers the CPU affinity the kernel gives a process the tool starts. */
  private static final class Affinity implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("affinity", "reports a child process's CPU affinity", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      return text(context, output(context, List.of("grep", "Cpus_allowed_list", "/proc/self/status")));
    }
  }

  private static String output(ToolContext context, List<String> command) {
    try {
      Process p = context.processBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw ToolException.retryable("starting " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ToolException.permanent("interrupted");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ToolException.permanent("interrupted");
    }
  }

  private static ToolOutput text(ToolContext context, String summary) {
    try {
      return new ToolOutput(context.artifacts().put(summary.getBytes(StandardCharsets.UTF_8), "text/plain"), summary);
    } catch (IOException e) {
      throw ToolException.retryable("store", e);
    }
  }
}

package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppLauncher;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.StepRun;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent steps that require a model no server runs yet, placed on the CPU pool, which starts the real llama.cpp
 * server (llama-cpp-python with SmolLM2-135M, provisioned and cached by the models module) on a lease of its
 * cores: the first step's hold starts it and waits for its health check, both steps' model calls go to it on the
 * pool's queue, the second step reuses the warm server, and once the keep-warm time passes with nobody holding it
 * the server is stopped and the lease released. Figures go to target/leased-server-measurements.txt.
 */
class AgentOnLeasedServerIT {
  private static final Duration KEEP_WARM = Duration.ofSeconds(3);
  @TempDir Path dir;

  @Test
  void shouldStartTheModelServerOnALeaseServeBothStepsThroughItAndReleaseTheLeaseWhenIdle() throws Exception {
    LlamaCppInstallation llama = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir()).build()
        .provision();
    // through the launcher, as 'nightshift provision llama-cpp' prints it: tool arguments capped at max_tokens
    String launch = llama.python() + " " + llama.launcher() + " --model {model} --model_alias smollm2 --host {host}"
        + " --port {port} --n_ctx 2048 --n_threads {threads} --chat_format " + LlamaCppLauncher.CAPPED_CHAT_FORMAT;
    PoolConfig cpu = new PoolConfig("cpu", "cpu", Map.of("cores", "2", "price-per-unit-hour", "0.36",
        "launch-command", launch, "log-directory", Path.of("target", "leased-servers").toAbsolutePath().toString()),
        1.0, List.of(), List.of(),
        List.of(new ServeConfig("smollm2", llama.modelFile().toString(), 1, 1, KEEP_WARM)));
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of());
    ModelCall models = new ModelCall(registry);
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ToolRegistry tools = ToolRegistry.of(List.of());
    List<String> figures = new ArrayList<>();
    try (BackendFleet fleet = BackendFleet.create(List.of(cpu), AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(10), ModelEndpointGuards.of(registry));
        ModelServers servers = new ModelServers(fleet, registry);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker control = env.newWorker(TaskQueues.CONTROL);
      control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
      control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan()));
      ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"));
      AgentWorkers.register(control, models, tools, files);
      Worker pool = env.newWorker(BackendQueues.forPool("cpu"));
      pool.registerActivitiesImplementations(new InventoryActivitiesImpl(inventory),
          new ModelServerActivitiesImpl(servers));
      pool.registerActivitiesImplementations(AgentWorkers.activities(models, tools, files));
      env.start();
      TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId("leased").setTaskQueue(TaskQueues.CONTROL).build());
      long t0 = System.nanoTime();

      task.run(TaskInput.builder("leased", "g").pipeline("leased", "x").pools(List.of("cpu")).build());

      long taskMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(task.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
      for (StepStatus step : task.progress().steps()) {
        StepRun run = step.run().orElseThrow();
        assertThat(run.pool()).isEqualTo("cpu");
        assertThat(run.placement()).contains("starts a smollm2 server on a lease");
        assertThat(run.unitSeconds()).as("the lease's core was held while the agent ran").isPositive();
        assertThat(run.cost()).isCloseTo(run.unitSeconds() / 3600 * 0.36, within(1e-9));
        assertThat(run.tokens()).as("usage reported by the real server").isPositive();
        figures.add(step.name() + ": " + step.outcome().summary() + "; " + run.unitSeconds() + " core-s, "
            + run.tokens() + " tokens");
      }
      assertThat(servers.startCount()).as("the second step reused the warm server").isEqualTo(1);
      List<String> warm = servers.runningEndpoints();
      assertThat(warm).containsExactly("cpu-smollm2-1");
      TrackedBackend backend = fleet.pool("cpu").orElseThrow().backend();
      assertThat(backend.leases()).singleElement().satisfies(l -> {
        assertThat(l.owner()).isEqualTo("model-server/smollm2");
        assertThat(l.environment()).containsEntry("OMP_NUM_THREADS", "1");
      });
      String baseUrl = backend.endpoints().get(0).baseUrl().toString();
      assertThat(registry.contains("cpu-smollm2-1")).isTrue();
      assertThat(registry.get("cpu-smollm2-1").config().contextWindow()).as("the launch command's --n_ctx")
          .hasValue(2048);
      PoolObservation seen = inventory.observeAll().get(0);
      assertThat(seen.endpoints()).singleElement().satisfies(e -> {
        assertThat(e.handle().leaseId()).isNotEmpty();
        assertThat(e.health().usable()).isTrue();
        assertThat(e.guards()).singleElement().satisfies(g -> assertThat(g.circuitState()).isEqualTo("CLOSED"));
      });

      long idle0 = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).until(() -> servers.runningEndpoints().isEmpty());
      figures.add("task " + taskMs + " ms; server stopped " + (System.nanoTime() - idle0) / 1_000_000
          + " ms after the task (keep-warm " + KEEP_WARM.toMillis() + " ms)");
      assertThat(backend.leases()).as("lease released").isEmpty();
      assertThat(backend.endpoints()).isEmpty();
      assertThat(registry.contains("cpu-smollm2-1")).isFalse();
      assertThat(answers(baseUrl)).as("the server process is gone").isFalse();
    } finally {
      Path out = Path.of("target", "leased-server-measurements.txt");
      Files.createDirectories(out.getParent());
      Files.write(out, figures);
    }
  }

  private static boolean answers(String baseUrl) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/models"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static Plan plan() {
    return new Plan("leased", 1, Map.of(), List.of(agent("greet", List.of()), agent("thank", List.of("greet"))),
        PlacementSpec.of("cheapest", null), null);
  }

  private static PlannedStep agent(String name, List<String> needs) {
    return new PlannedStep(name, StepKind.AGENT, null, Map.of(), needs, StepPolicy.DEFAULT, null, 0, null,
        new Requirements("cpu", 1, 0, "smollm2", 0, 0),
        AgentSettings.builder("smollm2", "Say hello.").instructions("Answer in one short sentence.").maxTurns(2)
            .build(), false);
  }
}

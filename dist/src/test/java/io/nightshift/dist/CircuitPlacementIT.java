package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.CircuitState;
import io.nightshift.api.v1.GetBackendRequest;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Circuit breakers feed placement, through the real runtime on the Temporal dev server: two simulated pools each
 * attach a scripted OpenAI-compatible server of the same model, and the cheap pool's server answers every call with
 * HTTP 500. The first agent step, placed on the cheap pool, retries there until the endpoint's breaker opens (the
 * models file's defaults: 5 calls), then its next call goes to the other pool's endpoint; the API and
 * {@code nightshift backends} show the breaker OPEN and the pool's circuit open with the reason; the second agent
 * step is placed on the other pool at once; the task completes and sums tokens and cost per pool.
 */
class CircuitPlacementIT {
  @Test
  void shouldOpenTheFailingEndpointsBreakerShowItAndPlaceTheNextStepOnTheOtherPool() throws Exception {
    Path dir = ItData.newDir(getClass());
    Files.createDirectories(dir);
    try (ScriptedOpenAiServer failing = ScriptedOpenAiServer.start("smollm2");
        ScriptedOpenAiServer working = ScriptedOpenAiServer.start("smollm2")) {
      failing.otherwise(ScriptedReply.status(500, "CUDA error: device lost"));
      working.otherwise(ScriptedReply.text("12 candidates pass", 40, 8));
      Path pools = dir.resolve("pools.yaml");
      Files.writeString(pools, """
          pools:
            - id: cheap
              type: simulated
              models: [smollm2]
              properties: {devices: 2, price-per-unit-hour: 1.0}
              endpoints: [{model: smollm2, url: "%s"}]
            - id: dear
              type: simulated
              models: [smollm2]
              properties: {devices: 2, price-per-unit-hour: 9.0}
              endpoints: [{model: smollm2, url: "%s"}]
          """.formatted(root(failing), root(working)));
      Path models = dir.resolve("models.yaml");
      Files.writeString(models, """
          endpoints:
            - {id: a-llm, base_url: "%s", model: smollm2, max_concurrency: 2,
               price_per_1k_input: "1", price_per_1k_output: "2"}
            - {id: b-llm, base_url: "%s", model: smollm2, max_concurrency: 2,
               price_per_1k_input: "1", price_per_1k_output: "2"}
          """.formatted(failing.baseUrl(), working.baseUrl()));
      try (RuntimeProcess runtime = new RuntimeProcess(dir.resolve("runtime"), "DEV")
          .withArgs(List.of("--backends", pools.toString(), "--models", models.toString())).start()) {
        ApiClient api = new ApiClient(runtime.channel());
        long t0 = System.nanoTime();
        String id = api.submitYaml("""
            name: triage
            placement: {policy: cheapest}
            steps:
              - name: triage
                kind: agent
                model: a-llm
                requires: {model: smollm2}
                instructions: "Be brief."
                prompt: "How many candidates pass?"
                max_turns: 2
              - name: summarise
                kind: agent
                model: a-llm
                needs: [triage]
                requires: {model: smollm2}
                instructions: "Be brief."
                prompt: "Summarise."
                max_turns: 2
            """, Map.of());
        Task done = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
            || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(4));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(done.getState()).as(done.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);

        Backend cheap = BackendServiceGrpc.newBlockingStub(runtime.channel()).withDeadlineAfter(60, TimeUnit.SECONDS)
            .getBackend(GetBackendRequest.newBuilder().setBackendId("cheap").build());
        assertThat(cheap.getCircuitOpen()).as(cheap.toString()).isTrue();
        assertThat(cheap.getCircuitDetail()).contains("a-llm OPEN (100% of 5 recent calls failed");
        assertThat(cheap.getEndpoints(0).getGuards(0).getCircuitState()).isEqualTo(CircuitState.CIRCUIT_STATE_OPEN);
        String cli = cli(runtime, "backends");
        assertThat(cli).contains("CIRCUIT OPEN: circuit breaker open on every model endpoint of the pool: a-llm OPEN")
            .contains("calls via a-llm").contains("calls via b-llm");

        Map<String, Step> steps = new HashMap<>();
        done.getStepsList().forEach(s -> steps.put(s.getName(), s));
        assertThat(steps.get("triage").getPool()).isEqualTo("dear");
        assertThat(steps.get("triage").getPlacement()).contains("failed over to endpoint b-llm on dear");
        assertThat(steps.get("summarise").getPool()).isEqualTo("dear");
        assertThat(steps.get("summarise").getPlacement()).contains("cheap: circuit breaker open");
        assertThat(failing.chatRequests()).hasSize(5);
        assertThat(done.getTokensByPoolMap()).containsEntry("dear", 96L);
        // the model calls' price (0.112), plus each agent's share of its placed pool held while it ran: triage on
        // cheap (1.0 per unit-hour, where it was placed before its calls failed over), summarise on dear (9.0)
        double triageUnits = steps.get("triage").getUnitSeconds();
        double summariseUnits = steps.get("summarise").getUnitSeconds();
        assertThat(triageUnits).isPositive();
        assertThat(summariseUnits).isPositive();
        assertThat(done.getCostByPoolMap().get("dear")).isCloseTo(0.112 + triageUnits / 3600 * 1.0
            + summariseUnits / 3600 * 9.0, Assertions.within(1e-9));
        Files.writeString(Path.of("target", "circuit-placement-measurements.txt"), "task " + ms + " ms; "
            + failing.chatRequests().size() + " calls to the failing endpoint before its breaker opened\n" + cli);
      }
    }
  }

  private static String root(ScriptedOpenAiServer server) {
    return server.baseUrl().replaceFirst("/v1$", "");
  }

  private static String cli(RuntimeProcess runtime, String... args) throws Exception {
    return JavaCli.run(runtime, args).output();
  }
}

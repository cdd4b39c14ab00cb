package io.nightshift.accelerators.nvidia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.accelerators.CapturedLogs;
import io.nightshift.accelerators.FakeTools;
import io.nightshift.accelerators.ServerRecord;
import io.nightshift.core.accelerator.BackendSettings;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vLLM and NIM launch templates, run against a stand-in server that records how it was started. */
class NvidiaLaunchTest {
  private static final String NGC_KEY = "nvapi-TEST-not-a-real-key-0123456789";
  @TempDir Path temp;
  private NvidiaBackend gpus;

  private NvidiaBackend backend(Duration startupTimeout) {
    FakeTools tools = new FakeTools(temp);
    gpus = new NvidiaBackend(NvidiaConfig.custom().id("nvidia-h100").nvidiaSmi(tools.path("nvidia-smi"))
        .vllmExecutable(tools.path("fake_model_server.py")).docker(tools.path("fake_model_server.py"))
        .nimImage("nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3").nimCache(temp.resolve("nim-cache")).nimUser("1000")
        .logDirectory(temp.resolve("logs"))
        .startupTimeout(startupTimeout).pollInterval(Duration.ofMillis(100)).build());
    return gpus;
  }

  @AfterEach
  void stopEverything() {
    if (gpus != null) {
      gpus.close();
    }
  }

  private ModelServerSpec spec(String template, int port, Map<String, String> env) {
    return new ModelServerSpec("meta-llama/Llama-3.1-8B-Instruct", template, port, 64, Duration.ZERO, List.of(), env);
  }

  @Test
  void shouldStartVllmWithTheLeasesGpusAndReturnOnlyOnceHealthy() {
    NvidiaBackend pool = backend(Duration.ofSeconds(30));
    pool.allocate(LeaseRequest.of("other", 2));
    Lease lease = pool.allocate(LeaseRequest.of("task-7/answer", 2));
    int port = FakeTools.freePort();
    Path record = temp.resolve("vllm.json");

    long t0 = System.nanoTime();
    ModelServerHandle h = pool.start(lease, spec("vllm", port,
        Map.of("FAKE_RECORD", record.toString(), "FAKE_READY_AFTER", "1.0")));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    ServerRecord r = ServerRecord.read(record);
    assertThat(r.argv()).containsExactly("serve", "meta-llama/Llama-3.1-8B-Instruct", "--tensor-parallel-size", "2",
        "--max-num-seqs", "64", "--host", "127.0.0.1", "--port", String.valueOf(port));
    assertThat(r.env()).containsEntry("CUDA_VISIBLE_DEVICES", "2,3").containsEntry("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
    // The stand-in answers 503 for its first second: start() must have waited for it.
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(h.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + port);
    assertThat(pool.health(h).state()).isEqualTo(HealthStatus.State.UP);
    assertThat(pool.load(h)).isEqualTo(new EndpointLoad(3, 5, 0.42));

    pool.release(lease);
    assertThat(pool.health(h).state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(pool.snapshot().freeUnits()).isEqualTo(6);
  }

  @Test
  void shouldStartVllmWithTheLeasesVariablesAndNoneOfTheRuntimesSecrets() {
    NvidiaBackend pool = backend(Duration.ofSeconds(30));
    Lease lease = pool.allocate(LeaseRequest.of("task-7/answer", 1));
    Path record = temp.resolve("vllm.json");

    pool.start(lease, spec("vllm", FakeTools.freePort(), Map.of("FAKE_RECORD", record.toString())));

    // NIGHTSHIFT_TEST_SECRET_API_KEY is in the test JVM's environment (the parent pom's Surefire), as a model key is
    assertThat(System.getenv("NIGHTSHIFT_TEST_SECRET_API_KEY")).isNotNull();
    assertThat(ServerRecord.read(record).envNames()).contains("CUDA_VISIBLE_DEVICES", "PATH", "FAKE_RECORD")
        .doesNotContain("NIGHTSHIFT_TEST_SECRET_API_KEY", "NIGHTSHIFT_TEST_PASSED_THROUGH");
  }

  /** A NIM started on a lease of the stand-in's GPUs, and how the stand-in was started. */
  private record Nim(NvidiaBackend pool, ModelServerHandle handle, int port, ServerRecord record) {}

  private Nim startNim(int gpus, Map<String, String> env) {
    NvidiaBackend pool = backend(Duration.ofSeconds(30));
    Lease lease = pool.allocate(LeaseRequest.of("task-8/summarise", gpus));
    int port = FakeTools.freePort();
    Path record = temp.resolve("nim-" + port + ".json");
    Map<String, String> all = new HashMap<>(env);
    all.put("FAKE_RECORD", record.toString());
    ModelServerHandle h = pool.start(lease, spec("nim", port, all));
    return new Nim(pool, h, port, ServerRecord.read(record));
  }

  @Test
  void shouldStartNimAsAContainerOnTheLeasedGpusAndGateOnItsReadyEndpoint() {
    Nim nim = startNim(4, Map.of("FAKE_READY_AFTER", "0.5"));
    NvidiaBackend pool = nim.pool();
    ModelServerHandle h = nim.handle();
    int port = nim.port();

    assertThat(nim.record().argv()).containsExactly("run", "--rm", "--gpus", "\"device=0,1,2,3\"", "-u", "1000",
        "-p", port + ":" + port, "-e", "NGC_API_KEY", "-v", temp.resolve("nim-cache") + ":/opt/nim/.cache",
        "-e", "NIM_SERVER_PORT=" + port, "-e", "NIM_MODEL_PATH=meta-llama/Llama-3.1-8B-Instruct",
        "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3");
    assertThat(temp.resolve("nim-cache")).isDirectory();
    assertThat(h.healthUrl().getPath()).isEqualTo("/v1/health/ready");
    assertThat(h.metricsUrl()).endsWith("/v1/metrics");
    assertThat(pool.health(h).state()).isEqualTo(HealthStatus.State.UP);
    // the stand-in serves NIM's unprefixed gauge names there, as NIM for LLMs does
    assertThat(pool.load(h)).isEqualTo(new EndpointLoad(3, 5, 0.42));
  }

  @Test
  void shouldHandNimTheWorkersNgcKeyByNameAndNeverLogItsValue() {
    Nim nim;
    try (CapturedLogs logs = new CapturedLogs()) {
      nim = startNim(1, Map.of("NGC_API_KEY", NGC_KEY)); // the worker's environment, as the server inherits it

      assertThat(logs.text()).contains("NGC_API_KEY").contains(temp.resolve("nim-cache") + ":/opt/nim/.cache")
          .doesNotContain(NGC_KEY);
    }

    assertThat(nim.record().argv()).containsSequence("-e", "NGC_API_KEY").noneMatch(word -> word.contains(NGC_KEY));
    assertThat(nim.record().containerEnv()).containsEntry("NGC_API_KEY", NGC_KEY);
    assertThat(nim.record().envNames()).doesNotContain("NIGHTSHIFT_TEST_SECRET_API_KEY");
    assertThat(nim.pool().health(nim.handle()).state()).isEqualTo(HealthStatus.State.UP);
  }

  @Test
  void shouldMaskASecretAnOperatorAddsToTheCommandLineInLogsAndErrors() {
    NvidiaBackend pool = backend(Duration.ofSeconds(30));
    Lease lease = pool.allocate(LeaseRequest.of("t", 1));
    ModelServerSpec crashing = new ModelServerSpec("m", "vllm", FakeTools.freePort(), 8, Duration.ZERO,
        List.of("--api-key", "sk-test-0123456789"), Map.of("FAKE_RECORD", temp.resolve("k.json").toString(),
            "FAKE_EXIT", "1"));

    try (CapturedLogs logs = new CapturedLogs()) {
      assertThatThrownBy(() -> pool.start(lease, crashing))
          .hasMessageContaining("--api-key ****").satisfies(e -> assertThat(e.getMessage())
              .doesNotContain("sk-test-0123456789"));
      assertThat(logs.text()).contains("--api-key, ****").doesNotContain("sk-test-0123456789");
    }
  }

  @Test
  void shouldTakeTheNimCacheFromThePoolsConfiguration() {
    FakeTools tools = new FakeTools(temp);
    gpus = (NvidiaBackend) new NvidiaBackendFactory().create(new BackendSettings("nvidia", "gpu", Map.of(
        "nvidia-smi", tools.path("nvidia-smi"), "docker", tools.path("fake_model_server.py"),
        "nim-cache", temp.resolve("operator-cache").toString(), "nim-user", "1234",
        "log-directory", temp.resolve("logs").toString())));
    Lease lease = gpus.allocate(LeaseRequest.of("t", 1));
    Path record = temp.resolve("nim-conf.json");

    gpus.start(lease, spec("nim", FakeTools.freePort(), Map.of("FAKE_RECORD", record.toString())));

    assertThat(ServerRecord.read(record).argv()).containsSequence("-u", "1234")
        .containsSequence("-v", temp.resolve("operator-cache") + ":/opt/nim/.cache");
    assertThatThrownBy(() -> NvidiaConfig.custom().nimCache(Path.of("relative/cache")))
        .hasMessageContaining("nimCache must be an absolute path");
  }

  @Test
  void shouldFailTheStartWithTheServersLogWhenItCrashes() {
    NvidiaBackend pool = backend(Duration.ofSeconds(30));
    Lease lease = pool.allocate(LeaseRequest.of("t", 1));

    assertThatThrownBy(() -> pool.start(lease, spec("vllm", FakeTools.freePort(),
        Map.of("FAKE_RECORD", temp.resolve("crash.json").toString(), "FAKE_EXIT", "1"))))
        .hasMessageContaining("LAUNCH_FAILED").hasMessageContaining("exited with 1 before it was healthy")
        .hasMessageContaining("no CUDA-capable device is detected");
  }

  @Test
  void shouldKillAServerThatStaysUnhealthyPastTheTimeout() {
    NvidiaBackend pool = backend(Duration.ofSeconds(1));
    Lease lease = pool.allocate(LeaseRequest.of("t", 1));
    int port = FakeTools.freePort();

    assertThatThrownBy(() -> pool.start(lease, spec("vllm", port,
        Map.of("FAKE_RECORD", temp.resolve("slow.json").toString(), "FAKE_READY_AFTER", "60"))))
        .hasMessageContaining("was not healthy at http://127.0.0.1:" + port + "/health within 1 s")
        .hasMessageContaining("last: HTTP 503").hasMessageContaining("killed it");
    ModelServerHandle gone = pool.attach(URI.create("http://127.0.0.1:" + port), "m");
    assertThat(pool.health(gone).state()).isEqualTo(HealthStatus.State.DOWN);
  }

  @Test
  void shouldRefuseToStartOnALeaseItDoesNotHold() {
    NvidiaBackend pool = backend(Duration.ofSeconds(5));
    Lease lease = pool.allocate(LeaseRequest.of("t", 1));
    pool.release(lease);

    assertThatThrownBy(() -> pool.start(lease, ModelServerSpec.of("m", FakeTools.freePort())))
        .hasMessageContaining("UNKNOWN_LEASE");
  }
}

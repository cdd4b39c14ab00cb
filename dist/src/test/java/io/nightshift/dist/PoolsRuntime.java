package io.nightshift.dist;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code nightshift dev --backends FILE} with every kind of pool the backends tests need: fake nvidia-smi /
 * neuron-ls / neuron-monitor tools (real output formats) with a stand-in vLLM server attached as an endpoint, a GPU
 * pool whose driver is missing, and simulated pools, among them a cheap and a dear GPU pool and a Neuron pool that
 * placement picks from. {@link BackendsIT} reads the pools back; {@link PlacementIT} runs steps on the simulated
 * ones, which are priced below the fake pools (per unit of work) so that the cheapest policy picks them.
 */
final class PoolsRuntime implements AutoCloseable {
  /** Every pool of the file, in its order, as ListBackends returns them. */
  static final List<String> POOLS = List.of("gpu-node", "trn1", "gpu-no-driver", "sim-h100", "gpu-cheap",
      "gpu-dear", "trn");
  /** The price of {@code gpu-cheap}: below gpu-node's 6.15 at speed 4 (1.54 per unit of work). */
  static final double GPU_CHEAP_PRICE = 1.0;

  final Path dir;
  final RuntimeProcess runtime;
  private final Process modelServer;

  private PoolsRuntime(Path dir, RuntimeProcess runtime, Process modelServer) {
    this.dir = dir;
    this.runtime = runtime;
    this.modelServer = modelServer;
  }

  static PoolsRuntime start(Path dir) throws Exception {
    Path tools = Files.createDirectories(dir.resolve("fake-tools"));
    for (String tool : List.of("nvidia-smi", "nvidia-smi-no-driver", "neuron-ls", "neuron-monitor",
        "fake_model_server.py")) {
      copyExecutable(tool, tools);
    }
    int modelPort = RuntimeProcess.freePort();
    // Stands in for `vllm serve`: /health, and vLLM's /metrics with 3 running, 5 waiting, KV cache 0.42.
    ProcessBuilder vllm = new ProcessBuilder("python3", tools.resolve("fake_model_server.py").toString(), "serve",
        "llama", "--port", String.valueOf(modelPort)).redirectErrorStream(true)
        .redirectOutput(dir.resolve("model-server.log").toFile());
    vllm.environment().put("FAKE_RECORD", dir.resolve("model-server.json").toString());
    Process modelServer = vllm.start();
    RuntimeProcess runtime = null;
    try {
      awaitHealthy(URI.create("http://127.0.0.1:" + modelPort + "/health"));
      Path file = Files.writeString(dir.resolve("backends.yaml"), """
          pools:
            - id: gpu-node
              type: nvidia
              speed: 4
              models: [llama]
              properties:
                nvidia-smi: %1$s/nvidia-smi
                price-per-unit-hour: 6.15
              endpoints:
                - {model: llama, url: "http://127.0.0.1:%2$d"}
                - {model: gone, url: "http://127.0.0.1:%3$d"}
            - id: trn1
              type: trainium
              properties:
                neuron-ls: %1$s/neuron-ls
                neuron-monitor: %1$s/neuron-monitor
                price-per-unit-hour: 0.67
            - id: gpu-no-driver
              type: nvidia
              properties:
                nvidia-smi: %1$s/nvidia-smi-no-driver
                price-per-unit-hour: 4.10
            - id: sim-h100
              type: simulated
              properties: {devices: 4, price-per-unit-hour: 6.15}
            - id: gpu-cheap
              type: simulated
              properties: {devices: 4, price-per-unit-hour: %4$s}
            - id: gpu-dear
              type: simulated
              properties: {devices: 4, price-per-unit-hour: 9.0}
            - id: trn
              type: simulated
              properties: {kind: NEURON_CORE, devices: 8, device-name: NeuronCore, price-per-unit-hour: 0.5}
          """.formatted(tools, modelPort, RuntimeProcess.freePort(), GPU_CHEAP_PRICE));
      runtime = new RuntimeProcess(dir.resolve("runtime"), "DEV").withArgs(List.of("--backends", file.toString()))
          .start();
      return new PoolsRuntime(dir, runtime, modelServer);
    } catch (Exception | Error e) {
      if (runtime != null) {
        runtime.close();
      }
      stop(modelServer);
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      runtime.close();
    } finally {
      stop(modelServer);
    }
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    server.waitFor(10, TimeUnit.SECONDS);
  }

  private static void copyExecutable(String name, Path dir) throws IOException {
    try (InputStream in = PoolsRuntime.class.getResourceAsStream("/fake-tools/" + name)) {
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static void awaitHealthy(URI health) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
        http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }
}

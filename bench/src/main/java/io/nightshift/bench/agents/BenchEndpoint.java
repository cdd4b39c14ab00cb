package io.nightshift.bench.agents;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.runtime.models.ModelsFile;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The model endpoint a saturation run loads: either the scripted OpenAI-compatible server with capacity C and a
 * fixed latency (real HTTP; C requests served at once, the rest wait for a slot), or the real llama.cpp server
 * (llama-cpp-python 0.3.36 with SmolLM2-135M), which serves one request at a time: its server takes one global lock
 * per request and has no parallel-slots setting, so its capacity is measured with N = 1.
 */
final class BenchEndpoint implements AutoCloseable {
  static final String ID = "bench";
  private final AutoCloseable server;
  private final String baseUrl;
  private final String modelName;
  private final int slots;
  private final String description;

  private BenchEndpoint(AutoCloseable server, String baseUrl, String modelName, int slots, String description) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.modelName = modelName;
    this.slots = slots;
    this.description = description;
  }

  static BenchEndpoint scripted(int capacity, Duration latency) {
    ScriptedOpenAiServer s = ScriptedOpenAiServer.start("scripted-model").withCapacity(capacity)
        .otherwise(ScriptedReply.slow(latency, ScriptedReply.text("done")));
    return new BenchEndpoint(s, s.baseUrl(), "scripted-model", capacity,
        "scripted endpoint, capacity " + capacity + ", latency " + latency.toMillis() + " ms");
  }

  static BenchEndpoint llamaCpp(int threads) {
    LlamaCppProvisioner.Builder provisioner = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir());
    LlamaCppInstallation installation = provisioner.build().provision();
    // -Dnightshift.bench.llamaCores=1 pins the server to its own cores (run the JVM with taskset -c on the others),
    // so the engine and the model do not take CPU from each other, as on a site where the model has its own hardware
    String cores = System.getProperty("nightshift.bench.llamaCores");
    LlamaCppServer s = LlamaCppServer.builder(installation).contextSize(2048).threads(threads).cores(cores)
        .logFile(Path.of(System.getProperty("java.io.tmpdir"), "nightshift-bench-llama.log")).start();
    return new BenchEndpoint(s, s.baseUrl(), s.modelName(), 1, "llama.cpp server (llama-cpp-python, "
        + s.modelName() + ", " + threads + " threads" + (cores == null ? "" : ", pinned to cores " + cores)
        + "), 1 slot");
  }

  /**
   * The endpoint exactly as the runtime reads it from the models file (the bulkhead is the server's slots, every
   * other setting the default), so the direct clients and the agents go through identically configured guards.
   */
  ModelEndpointConfig config(Path modelsFile) {
    return ModelsFile.read(modelsFile).get(0);
  }

  /** The same endpoint as a models file entry, for the runtime. */
  String modelsYaml() {
    return "endpoints:\n  - id: " + ID + "\n    base_url: " + baseUrl + "\n    model: " + modelName
        + "\n    max_concurrency: " + slots + "\n";
  }

  int slots() {
    return slots;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}

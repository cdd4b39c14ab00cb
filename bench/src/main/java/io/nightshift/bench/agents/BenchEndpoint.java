package io.nightshift.bench.agents;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import io.nightshift.runtime.models.ModelsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The model endpoint a saturation run loads: either the scripted OpenAI-compatible server with capacity C and a
 * fixed service time (real HTTP; C requests served at once, the rest wait for a slot), or N real llama.cpp servers
 * (llama-cpp-python 0.3.36 with SmolLM2-135M) behind one model id, its replicas. llama-cpp-python serves one request
 * at a time (one global lock per request, no parallel-slots setting), so each server is one slot and a pool of N
 * servers is how several requests run at once.
 */
final class BenchEndpoint implements AutoCloseable {
  static final String ID = "bench";
  private final List<AutoCloseable> servers;
  private final List<String> baseUrls;
  private final String modelName;
  private final int slotsPerServer;
  private final String description;

  private BenchEndpoint(List<AutoCloseable> servers, List<String> baseUrls, String modelName, int slotsPerServer,
      String description) {
    this.servers = servers;
    this.baseUrls = baseUrls;
    this.modelName = modelName;
    this.slotsPerServer = slotsPerServer;
    this.description = description;
  }

  static BenchEndpoint scripted(int capacity, Duration serviceTime) {
    ScriptedOpenAiServer s = ScriptedOpenAiServer.start("scripted-model").withCapacity(capacity)
        .otherwise(ScriptedReply.slow(serviceTime, ScriptedReply.text("done")));
    return new BenchEndpoint(List.of(s), List.of(s.baseUrl()), "scripted-model", capacity,
        "scripted endpoint, " + capacity + " slots, service time " + serviceTime.toMillis() + " ms");
  }

  /**
   * {@code count} scripted single-slot servers of a fixed service time as one model's replicas: the llama.cpp pool's
   * code path (replicas, solo throughputs, routing) with an endpoint whose capacity is known by construction.
   */
  static BenchEndpoint scriptedPool(int count, Duration serviceTime) {
    List<AutoCloseable> started = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ScriptedOpenAiServer s = ScriptedOpenAiServer.start("scripted-model").withCapacity(1)
          .otherwise(ScriptedReply.slow(serviceTime, ScriptedReply.text("done")));
      started.add(s);
      urls.add(s.baseUrl());
    }
    return new BenchEndpoint(started, urls, "scripted-model", 1, count + " scripted single-slot servers as"
        + " replicas, service time " + serviceTime.toMillis() + " ms (by construction " + count + " x "
        + String.format(Locale.ROOT, "%.3f", 1000.0 / serviceTime.toMillis()) + " calls/s)");
  }

  /**
   * {@code count} llama.cpp servers of {@code threads} threads each. {@code -Dnightshift.bench.llamaCores=1,0}
   * pins server i to the i-th entry (a taskset core list) so that the servers and the engine do not take CPU from
   * each other, as on a site where each model server has its own hardware.
   */
  static BenchEndpoint llamaCpp(int count, int threads) {
    LlamaCppInstallation installation = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir()).build()
        .provision();
    String pins = System.getProperty("nightshift.bench.llamaCores");
    List<String> cores = pins == null ? List.of() : List.of(pins.split(","));
    List<AutoCloseable> started = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    String model = null;
    try {
      for (int i = 0; i < count; i++) {
        String core = cores.isEmpty() ? null : cores.get(i % cores.size()).strip();
        LlamaCppServer s = LlamaCppServer.builder(installation).contextSize(2048).threads(threads).cores(core)
            .logFile(Path.of(System.getProperty("java.io.tmpdir"), "nightshift-bench-llama-" + (i + 1) + ".log"))
            .start();
        started.add(s);
        urls.add(s.baseUrl());
        model = s.modelName();
      }
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
    return new BenchEndpoint(started, urls, model, 1, count + " llama.cpp server(s) (llama-cpp-python, " + model
        + ", " + threads + " thread(s) each" + (pins == null ? "" : ", pinned to cores " + pins) + "), 1 slot each");
  }

  /**
   * The endpoints exactly as the runtime reads them from the models file (max_concurrency is each server's slots,
   * every other setting the default), so the direct clients and the agents go through identically configured
   * guards: one endpoint, or one per replica.
   */
  List<ModelEndpointConfig> configs(Path modelsFile) {
    return ModelsFile.read(modelsFile);
  }

  /** The same endpoint as a models file entry, for the runtime: one base URL, or the servers as replicas. */
  String modelsYaml() {
    String where = baseUrls.size() == 1 ? "    base_url: " + baseUrls.get(0) + "\n"
        : "    replicas: [" + String.join(", ", baseUrls) + "]\n";
    return "endpoints:\n  - id: " + ID + "\n" + where + "    model: " + modelName + "\n    max_concurrency: "
        + slotsPerServer + "\n" + queueDepthLine();
  }

  /** {@code -Dnightshift.bench.queueDepth=Q} writes the models file's queue_depth (ablation); unset: the default. */
  private static String queueDepthLine() {
    String q = System.getProperty("nightshift.bench.queueDepth");
    return q == null ? "" : "    queue_depth: " + Integer.parseInt(q.strip()) + "\n";
  }

  /** Slots over all servers. */
  int slots() {
    return slotsPerServer * baseUrls.size();
  }

  int servers() {
    return baseUrls.size();
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    closeAll(servers);
  }

  private static void closeAll(List<AutoCloseable> servers) {
    for (AutoCloseable s : servers) {
      try {
        s.close();
      } catch (Exception e) {
        System.err.println("could not stop " + s + ": " + e);
      }
    }
  }

  @Override
  public String toString() {
    return baseUrls.stream().collect(Collectors.joining(", ", ID + " [", "]"));
  }
}

package io.nightshift.dist;

import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real llama.cpp server (SmolLM2-135M) and a {@code nightshift dev} runtime whose models file names it twice: as
 * {@code llama}, the LLM planner's and agents' endpoint ({@code LlmGoalIT}), and as {@code chemist}, the
 * drug-discovery agents' endpoint ({@code DrugDiscoveryAgentsIT}). Pipelines get no replanning unless they ask
 * for it, so the planner section changes nothing for a pipeline submitted here. Closing stops the runtime first,
 * then the model server.
 */
record LlamaRuntime(LlamaCppServer model, RuntimeProcess runtime) implements AutoCloseable {
  /** Starts both; the data directory (runtime data, models file, the server's log) is kept under target/it-data. */
  static LlamaRuntime start(Path dir) throws Exception {
    LlamaCppServer model = LocalLlama.start(dir);
    try {
      Path models = dir.resolve("models.yaml");
      Files.writeString(models, "endpoints:\n" + LocalLlama.endpoint("llama", model, 300)
          + LocalLlama.endpoint("chemist", model, 600) + """
          planner:
            endpoint: llama
            agent_endpoint: llama
            agent_max_turns: 3
            max_repairs: 3
            max_output_tokens: 300
            tools: [data.read_csv, table.describe]
            step_kinds: [agent]
            replan: {max_versions: 2, approval: none}
          """);
      RuntimeProcess runtime = new RuntimeProcess(dir.resolve("data"), "DEV")
          .withArgs(List.of("--models", models.toString())).start();
      return new LlamaRuntime(model, runtime);
    } catch (Exception | Error e) {
      model.close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      runtime.close();
    } finally {
      model.close();
    }
  }
}

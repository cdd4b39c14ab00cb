package io.nightshift.accelerators.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPU pool starting the real llama.cpp server (llama-cpp-python) on a lease, gating on its health and its first
 * chat completion, serving a chat completion through it, and stopping it when the lease is released. The server and
 * the model are provisioned as everywhere else: compiled with the portable flags, installed from the locks, cached
 * under {@code ~/.cache/nightshift}.
 */
class CpuLlamaCppIT {
  @TempDir Path temp;

  @Test
  void shouldServeAChatCompletionFromTheRealLlamaCppServerOnALeaseAndStopItOnRelease() throws Exception {
    LlamaCppInstallation llama = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir()).build().provision();
    Path python = llama.python();
    Path gguf = llama.modelFile();

    CpuBackend cpu = new CpuBackend(CpuConfig.custom().id("cpu").cores(Runtime.getRuntime().availableProcessors())
        .launchCommand(List.of(python.toString(), "-m", "llama_cpp.server", "--model", "{model}", "--model_alias",
            "smollm2", "--host", "{host}", "--port", "{port}", "--n_ctx", "512", "--n_threads", "{threads}"))
        .logDirectory(temp).startupTimeout(Duration.ofMinutes(2)).build());
    Lease lease = cpu.allocate(LeaseRequest.of("it/agent-call", 1));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    try {
      ModelServerHandle h = cpu.start(lease, ModelServerSpec.of(gguf.toString(), port));
      assertThat(cpu.health(h).state()).isEqualTo(HealthStatus.State.UP);

      HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
              URI.create(h.baseUrl() + "/v1/chat/completions"))
          .header("Content-Type", "application/json").timeout(Duration.ofMinutes(1))
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"smollm2\",\"max_tokens\":8,\"temperature\":0,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"choices\"").contains("\"assistant\"");

      cpu.release(lease);
      assertThat(cpu.health(h).state()).isEqualTo(HealthStatus.State.DOWN);
    } finally {
      cpu.close();
    }
  }
}

package io.nightshift.provisioning.llamacpp;

import io.nightshift.core.process.PassThrough;
import io.nightshift.core.process.ToolEnvironment;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.StructuredOutput;
import io.nightshift.provisioning.internal.ProcessRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running llama-cpp-python server ({@code llama_cpp.server}, started through the installation's
 * {@link LlamaCppLauncher}) on 127.0.0.1, started from a provisioned {@link LlamaCppInstallation}; {@link #start()} returns once {@code GET /v1/models} answers with the model and one
 * chat completion has been answered (a server built for the wrong CPU lists its model and then dies on its first
 * computation).
 * {@link #close()} stops it (SIGTERM, then SIGKILL after 10 s). A JVM shutdown hook stops it too, so a crashed test
 * run leaves no server behind.
 *
 * <p>llama-cpp-python serves one request at a time (its server holds a lock around the model; there is no
 * {@code --n_parallel}), so its endpoint has one slot: {@link #endpointConfig(String)} says so.
 */
public final class LlamaCppServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LlamaCppServer.class);
  public static final String DEFAULT_CHAT_FORMAT = LlamaCppLauncher.CAPPED_CHAT_FORMAT;

  private final Process process;
  private final int port;
  private final String modelName;
  private final Path logFile;
  private final String buildFlags;
  private final int contextSize;
  private final Thread shutdownHook;

  private LlamaCppServer(Process process, int port, int contextSize, LlamaCppInstallation installation,
      Path logFile) {
    this.process = process;
    this.port = port;
    this.contextSize = contextSize;
    this.modelName = installation.modelName();
    this.buildFlags = installation.buildFlags();
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stopProcess, "llama-cpp-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  public static Builder builder(LlamaCppInstallation installation) {
    return new Builder(installation);
  }

  /** With {@code /v1}, as LangChain4j's OpenAI client expects. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/v1";
  }

  public int port() {
    return port;
  }

  public String modelName() {
    return modelName;
  }

  /** The {@code --n_ctx} it was started with: its context window, which no route of its server reports. */
  public int contextSize() {
    return contextSize;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * This server as a model endpoint: one slot, llama-cpp-python's JSON-schema form, generous timeout for a CPU, and
   * the context window it was started with (the agent's token budget needs it, and the server cannot tell it).
   */
  public ModelEndpointConfig endpointConfig(String id) {
    return ModelEndpointConfig.custom()
        .id(id)
        .baseUrl(baseUrl())
        .modelName(modelName)
        .contextWindow(contextSize)
        .maxConcurrency(1)
        .requestTimeout(Duration.ofMinutes(5))
        .structuredOutput(StructuredOutput.JSON_OBJECT_WITH_SCHEMA)
        .build();
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        log.warn("llama.cpp server pid {} ignored SIGTERM for 10 s: killing it", process.pid());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  public static final class Builder {
    private final LlamaCppInstallation installation;
    private int port;
    private int contextSize = 2048;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Duration startupTimeout = Duration.ofMinutes(2);
    private Path logFile;
    private String chatFormat = DEFAULT_CHAT_FORMAT;
    private String cores;

    private Builder(LlamaCppInstallation installation) {
      this.installation = Objects.requireNonNull(installation, "installation must not be null");
    }

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535] but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The context window in tokens ({@code --n_ctx}); prompt plus answer must fit. At least the smallest window an
     * endpoint may state ({@link ModelEndpointConfig#MIN_CONTEXT_WINDOW}), since {@link #endpointConfig} states it.
     */
    public Builder contextSize(int contextSize) {
      if (contextSize < ModelEndpointConfig.MIN_CONTEXT_WINDOW) {
        throw new IllegalArgumentException("contextSize must be at least " + ModelEndpointConfig.MIN_CONTEXT_WINDOW
            + " but was " + contextSize);
      }
      this.contextSize = contextSize;
      return this;
    }

    /** CPU threads for generation and prompt processing ({@code --n_threads}, {@code --n_threads_batch}). */
    public Builder threads(int threads) {
      if (threads <= 0) {
        throw new IllegalArgumentException("threads must be greater than 0 but was " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Builder startupTimeout(Duration startupTimeout) {
      Objects.requireNonNull(startupTimeout, "startupTimeout must not be null");
      if (startupTimeout.isZero() || startupTimeout.isNegative()) {
        throw new IllegalArgumentException("startupTimeout must be positive but was " + startupTimeout);
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /**
     * llama-cpp-python's {@code --chat_format}. The default, {@value #DEFAULT_CHAT_FORMAT}, is ChatML (SmolLM2's
     * own format) plus tool calling, which the model's built-in template lacks, with the request's max_tokens
     * honoured for tool calls ({@link LlamaCppLauncher}); null uses the template in the GGUF.
     */
    public Builder chatFormat(String chatFormat) {
      this.chatFormat = chatFormat == null || chatFormat.isBlank() ? null : chatFormat;
      return this;
    }

    public Builder logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    /**
     * Runs the server only on these CPU cores ({@code taskset -c}, Linux), e.g. {@code "1"} or {@code "2-3"}, as the
     * CPU backend pins what it starts on a lease: a model computing on the cores the engine uses slows both.
     */
    public Builder cores(String cores) {
      if (cores != null && !cores.matches("[0-9]+([-,][0-9]+)*")) {
        throw new IllegalArgumentException("cores must be a taskset list such as 1 or 0-3 or 0,2, was '" + cores + "'");
      }
      this.cores = cores;
      return this;
    }

    public LlamaCppServer start() {
      int chosenPort = port != 0 ? port : freePort();
      Path log = logFile != null ? logFile
          : Path.of(System.getProperty("java.io.tmpdir"), "nightshift-llama-cpp-" + chosenPort + ".log");
      List<String> command = new ArrayList<>(cores == null ? List.of() : List.of("taskset", "-c", cores));
      command.addAll(List.of(
          installation.python().toString(), installation.launcher().toString(),
          "--model", installation.modelFile().toString(),
          "--model_alias", installation.modelName(),
          "--host", "127.0.0.1",
          "--port", Integer.toString(chosenPort),
          "--n_ctx", Integer.toString(contextSize),
          "--n_threads", Integer.toString(threads),
          "--n_threads_batch", Integer.toString(threads)));
      if (chatFormat != null) {
        command.addAll(List.of("--chat_format", chatFormat));
      }
      Process process;
      try {
        // a model server needs nothing of the runtime's environment beyond the base: its model is a local file
        // (unbuffered output, so its log shows why it died when it does)
        process = ToolEnvironment.confine(new ProcessBuilder(command), PassThrough.NONE,
                Map.of("PYTHONUNBUFFERED", "1"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
      } catch (IOException e) {
        throw new LlamaCppException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
      }
      LlamaCppServer server = new LlamaCppServer(process, chosenPort, contextSize, installation, log);
      try {
        awaitHealthy(server, startupTimeout);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      LoggerFactory.getLogger(LlamaCppServer.class)
          .info("llama.cpp server up at {} (pid {}, model {}, log {})", server.baseUrl(), process.pid(),
              installation.modelFile().getFileName(), log);
      return server;
    }

    private static void awaitHealthy(LlamaCppServer server, Duration timeout) {
      // HTTP/1.1: the JDK client's default h2c upgrade makes uvicorn log "Unsupported upgrade request" every time
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1)).build();
      long deadline = System.nanoTime() + timeout.toNanos();
      awaitModelListed(server, http, timeout, deadline);
      awaitFirstAnswer(server, http, deadline);
    }

    private static void awaitModelListed(LlamaCppServer server, HttpClient http, Duration timeout, long deadline) {
      HttpRequest models = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
          .timeout(Duration.ofSeconds(2)).GET().build();
      while (System.nanoTime() < deadline) {
        if (!server.process.isAlive()) {
          throw new LlamaCppException("llama.cpp server exited with code " + server.process.exitValue()
              + " while starting\n" + ProcessRunner.tail(server.logFile));
        }
        try {
          HttpResponse<String> response = http.send(models, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"" + server.modelName + "\"")) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LlamaCppException("interrupted while waiting for the llama.cpp server", e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LlamaCppException("interrupted while waiting for the llama.cpp server", e);
        }
      }
      throw new LlamaCppException("llama.cpp server did not answer GET /v1/models within " + timeout + "\n"
          + ProcessRunner.tail(server.logFile));
    }

    /** One real chat completion of a couple of tokens: what proves the compiled library runs on this CPU. */
    private static void awaitFirstAnswer(LlamaCppServer server, HttpClient http, long deadline) {
      Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(30).toNanos()));
      HttpRequest chat = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
          .timeout(left).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + server.modelName + "\", \"messages\": "
              + "[{\"role\": \"user\", \"content\": \"Say OK.\"}], \"max_tokens\": 2, \"temperature\": 0}"))
          .build();
      String failure;
      try {
        HttpResponse<String> response = http.send(chat, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"choices\"")) {
          return;
        }
        failure = "answered HTTP " + response.statusCode() + ": " + abbreviate(response.body());
      } catch (IOException e) {
        failure = "failed: " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlamaCppException("interrupted while waiting for the llama.cpp server's first answer", e);
      }
      if (awaitExit(server.process)) {
        int code = server.process.exitValue();
        failure = "died (exit code " + code + (code > 128 ? ", killed by signal " + (code - 128) : "") + ")";
      }
      throw new LlamaCppException("llama.cpp server listed its model, but its first chat completion " + failure
          + ".\nIts llama.cpp was built with: " + server.buildFlags + "\nA build for another CPU (or a host-specific"
          + " one on a CPU whose features fault) fails exactly here; set " + LlamaCppBuildFlags.ENVIRONMENT_VARIABLE
          + " or remove the wheelhouse to rebuild.\nServer log: " + server.logFile + "\n"
          + ProcessRunner.tail(server.logFile));
    }

    private static boolean awaitExit(Process process) {
      try {
        return process.waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }

    private static String abbreviate(String body) {
      return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new LlamaCppException("no free local port: " + e.getMessage(), e);
      }
    }
  }
}

package io.nightshift.tools.mcp;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.nightshift.core.logging.LogContextCarried;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP server process and the langchain4j-mcp client that talks to it over stdio, the process started with
 * only the environment its configuration declares ({@link ConfinedStdioTransport}). The process is started on
 * first use (listing tools or calling one) and again on the next use after it died: langchain4j-mcp's stdio
 * transport does not reconnect by itself. A call the process dies during, or that outlives the call timeout,
 * fails at once as transient (the caller retries on a fresh process) instead of waiting for an answer that will
 * not come. {@link #close()} stops the process.
 */
final class McpServerConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(McpServerConnection.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final McpServerConfig config;
  private final ExecutorService calls;
  private McpClient client;
  private ConfinedStdioTransport transport;
  private int starts;
  private boolean closed;

  McpServerConnection(McpServerConfig config) {
    this.config = config;
    this.calls = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "mcp-" + config.name());
      t.setDaemon(true);
      return t;
    });
  }

  McpServerConfig config() {
    return config;
  }

  /** The server's tools as it lists them (starting it if needed). */
  List<ToolSpecification> listTools() {
    return live().client().listTools();
  }

  /**
   * Calls a tool. Returns the server's answer (which may be a tool-level error, {@code isError}); throws
   * {@link McpCallFailure} when no answer came: the process died, the call timed out, or the I/O failed.
   */
  ToolExecutionResult call(String mcpToolName, String argumentsJson) {
    Live live = live();
    ToolExecutionRequest request = ToolExecutionRequest.builder().name(mcpToolName).arguments(argumentsJson).build();
    // on the call pool's thread, the lines of the call still name the agent step's task, step and attempt
    CompletableFuture<ToolExecutionResult> answer =
        CompletableFuture.supplyAsync(LogContextCarried.supplier(() -> live.client().executeTool(request)), calls);
    CompletableFuture<Process> exited = live.process().onExit();
    try {
      CompletableFuture.anyOf(answer, exited).get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      restartNextTime(live, "call of " + mcpToolName + " took longer than " + config.callTimeout());
      throw new McpCallFailure("MCP server '" + config.name() + "' did not answer " + mcpToolName + " within "
          + config.callTimeout(), e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpCallFailure("interrupted while calling " + mcpToolName, e);
    }
    if (!answer.isDone()) {
      throw new McpCallFailure("MCP server '" + config.name() + "' exited (code " + live.process().exitValue()
          + ") during the call of " + mcpToolName + "; it is restarted on the next call", null);
    }
    try {
      return answer.get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpCallFailure("interrupted while calling " + mcpToolName, e);
    }
  }

  /** Pid of the running server process, or -1 when none runs (for logs and tests). */
  synchronized long pid() {
    return transport != null && transport.process() != null && transport.process().isAlive()
        ? transport.process().pid() : -1;
  }

  /** How many times the process was started, the first start included. */
  synchronized int starts() {
    return starts;
  }

  private record Live(McpClient client, Process process) {}

  private synchronized Live live() {
    if (closed) {
      throw new IllegalStateException("MCP server '" + config.name() + "' was shut down");
    }
    if (client != null && transport.process().isAlive()) {
      return new Live(client, transport.process());
    }
    if (client != null) {
      log.warn("MCP server '{}' (pid {}) exited with code {}: starting it again", config.name(),
          transport.process().pid(), transport.process().exitValue());
      stopQuietly();
    }
    ConfinedStdioTransport t = new ConfinedStdioTransport(config);
    try {
      client = DefaultMcpClient.builder().key(config.name()).clientName("nightshift").transport(t)
          .initializationTimeout(START_TIMEOUT)
          // the call timeout is ours (see call): the client's would answer "timeout" as if it were a result
          .toolExecutionTimeout(Duration.ZERO)
          // our own liveness check runs before each use; the client's periodic ping would only add traffic
          .autoHealthCheck(false)
          .build();
    } catch (RuntimeException e) {
      transport = t;
      stopQuietly();
      throw new McpCallFailure("cannot start MCP server '" + config.name() + "' (" + config.commandLine() + "): "
          + rootMessage(e), e);
    }
    transport = t;
    starts++;
    log.info("MCP server '{}' started (pid {}, start #{}): {}", config.name(), t.process().pid(), starts,
        config.commandLine());
    return new Live(client, t.process());
  }

  private synchronized void restartNextTime(Live stale, String why) {
    if (client == stale.client()) {
      log.warn("MCP server '{}': {}; stopping it, the next call starts it again", config.name(), why);
      stopQuietly();
    }
  }

  private void stopQuietly() {
    try {
      if (client != null) {
        client.close();
      }
      if (transport != null) {
        transport.close(); // again after the client's close, for a start that failed before there was a client
      }
    } catch (Exception e) {
      log.debug("closing the MCP client of '{}'", config.name(), e);
    }
    if (transport != null && transport.process() != null) {
      Process p = transport.process();
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    client = null;
    transport = null;
  }

  private static RuntimeException unwrap(ExecutionException e) {
    return e.getCause() instanceof RuntimeException r ? r
        : new McpCallFailure("the MCP call failed: " + rootMessage(e), e.getCause());
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  @Override
  public synchronized void close() {
    closed = true;
    stopQuietly();
    calls.shutdownNow();
  }
}

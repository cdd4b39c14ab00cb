package io.nightshift.tools.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.transport.McpOperationHandler;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.protocol.McpClientMessage;
import dev.langchain4j.mcp.protocol.McpInitializationNotification;
import dev.langchain4j.mcp.protocol.McpInitializeRequest;
import dev.langchain4j.mcp.transport.stdio.JsonRpcIoHandler;
import io.nightshift.core.process.ToolEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stdio transport to one MCP server process, started with the environment its configuration declares
 * ({@link ToolEnvironment}) and nothing else of the runtime's. langchain4j-mcp's own {@code StdioMcpTransport} can
 * only add variables to the inherited environment, which holds the model endpoints' API keys; this one does what
 * it does (JSON-RPC lines over the process's stdin and stdout through the library's {@link JsonRpcIoHandler}) on a
 * process whose environment was cleared first.
 */
final class ConfinedStdioTransport implements McpTransport {
  private static final Logger log = LoggerFactory.getLogger(ConfinedStdioTransport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final McpServerConfig config;
  private final ExecutorService readers;
  private volatile McpOperationHandler handler;
  private Process process;
  private JsonRpcIoHandler rpc;

  ConfinedStdioTransport(McpServerConfig config) {
    this.config = config;
    this.readers = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "mcp-" + config.name() + "-io");
      t.setDaemon(true);
      return t;
    });
  }

  /** The process builder for the server: its command, and an environment cleared down to what it declares. */
  static ProcessBuilder processBuilder(McpServerConfig config) {
    return ToolEnvironment.confine(new ProcessBuilder(config.command()), config.passEnv(), config.env());
  }

  @Override
  public void start(McpOperationHandler operations) {
    this.handler = operations;
    try {
      process = processBuilder(config).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rpc = new JsonRpcIoHandler(process.getInputStream(), process.getOutputStream(), operations::handle, false, log);
    readers.submit(rpc);
    readers.submit(this::logStandardError);
  }

  Process process() {
    return process;
  }

  @Override
  public CompletableFuture<JsonNode> initialize(McpInitializeRequest request) {
    try {
      String initialized = JSON.writeValueAsString(new McpInitializationNotification());
      return send(JSON.writeValueAsString(request), request.getId())
          .thenCompose(answer -> send(initialized, null).thenApply(ignored -> answer));
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<JsonNode> executeOperationWithResponse(McpClientMessage message) {
    return executeOperationWithResponse(new McpCallContext(null, message));
  }

  @Override
  public CompletableFuture<JsonNode> executeOperationWithResponse(McpCallContext call) {
    try {
      return send(JSON.writeValueAsString(call.message()), call.message().getId());
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void executeOperationWithoutResponse(McpClientMessage message) {
    executeOperationWithoutResponse(new McpCallContext(null, message));
  }

  @Override
  public void executeOperationWithoutResponse(McpCallContext call) {
    try {
      send(JSON.writeValueAsString(call.message()), null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write an MCP message as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public void checkHealth() {
    if (!process.isAlive()) {
      throw new IllegalStateException("MCP server '" + config.name() + "' is not running");
    }
  }

  @Override
  public void onFailure(Runnable action) {
    // nothing to register: McpServerConnection checks the process before each call and starts it again
  }

  @Override
  public void close() throws IOException {
    try {
      if (rpc != null) {
        rpc.close();
      }
    } finally {
      readers.shutdownNow();
      if (process != null) {
        process.destroy();
      }
    }
  }

  /** Sends one line; an answer is expected when {@code id} is set, and completes the future through the handler. */
  private CompletableFuture<JsonNode> send(String json, Long id) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    if (id != null) {
      handler.startOperation(id, answer);
    }
    try {
      rpc.submit(json);
      if (id == null) {
        answer.complete(null);
      }
    } catch (IOException e) {
      answer.completeExceptionally(e);
    }
    return answer;
  }

  /** The server's standard error, at debug: a pipe nobody reads would fill and stall the server. */
  private void logStandardError() {
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        log.debug("MCP server '{}' stderr: {}", config.name(), line);
      }
    } catch (IOException e) {
      log.debug("MCP server '{}': stderr closed: {}", config.name(), e.toString());
    }
  }
}

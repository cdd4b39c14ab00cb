package io.nightshift.tools.mcp;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP servers as a {@link ToolProvider}: each configured server's tools, named {@code <prefix>.<tool>} (by default
 * {@code mcp.<server>.<tool>}), join the tool registry beside the built-in ones, so pipelines, the planner's
 * validator and agent allow-lists see them like any other tool.
 *
 * <p>Listing the tools starts each server (the registry lists them once, when the runtime starts, so a server that
 * cannot start fails the start, naming it). A server that dies later is started again by the next call of one of
 * its tools. {@link #close()} stops every server process.
 */
public final class McpToolSource implements ToolProvider, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(McpToolSource.class);
  private final List<McpServerConnection> servers;
  private List<Tool> tools;

  private McpToolSource(List<McpServerConnection> servers) {
    this.servers = servers;
  }

  public static McpToolSource of(List<McpServerConfig> configs) {
    Map<String, McpServerConfig> byName = new HashMap<>();
    for (McpServerConfig c : configs) {
      if (byName.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("MCP server name '" + c.name() + "' is used twice");
      }
    }
    return new McpToolSource(configs.stream().map(McpServerConnection::new).toList());
  }

  /**
   * Every server's tools, listed once (starting the servers) and then kept.
   *
   * @throws IllegalStateException when a server cannot be started or lists two tools with one registry name
   */
  @Override
  public synchronized List<Tool> tools() {
    if (tools == null) {
      List<Tool> all = new ArrayList<>();
      for (McpServerConnection server : servers) {
        all.addAll(toolsOf(server));
      }
      tools = List.copyOf(all);
    }
    return tools;
  }

  private static List<Tool> toolsOf(McpServerConnection server) {
    List<ToolSpecification> specs;
    try {
      specs = server.listTools();
    } catch (RuntimeException e) {
      throw new IllegalStateException("MCP server '" + server.config().name() + "' (" + server.config().commandLine()
          + ") did not list its tools: " + McpServerConnection.rootMessage(e), e);
    }
    Map<String, String> seen = new HashMap<>();
    List<Tool> out = new ArrayList<>();
    for (ToolSpecification spec : specs) {
      McpTool tool = new McpTool(server, spec);
      String clash = seen.putIfAbsent(tool.descriptor().name(), spec.name());
      if (clash != null) {
        throw new IllegalStateException("MCP server '" + server.config().name() + "': tools '" + clash + "' and '"
            + spec.name() + "' both become " + tool.descriptor().name());
      }
      out.add(tool);
    }
    log.info("MCP server '{}' offers {} tools: {}", server.config().name(), out.size(),
        out.stream().map(t -> t.descriptor().name()).toList());
    return out;
  }

  /** Pid of a server's running process, or -1 when it is not running. */
  public long pid(String serverName) {
    return server(serverName).pid();
  }

  /** How many times a server's process was started, the first start included. */
  public int starts(String serverName) {
    return server(serverName).starts();
  }

  private McpServerConnection server(String name) {
    return servers.stream().filter(s -> s.config().name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no MCP server named '" + name + "'"));
  }

  @Override
  public void close() {
    for (McpServerConnection server : servers) {
      server.close();
    }
  }
}

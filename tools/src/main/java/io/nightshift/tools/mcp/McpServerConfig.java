package io.nightshift.tools.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One MCP server the runtime launches over stdio, and how its tools are named in the registry.
 *
 * @param name        short lower-case id, used in logs and in the default prefix
 * @param command     the program and its arguments, e.g. {@code [python3, server.py]}
 * @param env         extra environment variables for the server process (the runtime's own environment is kept)
 * @param prefix      registry names are {@code prefix.tool}; default {@code mcp.<name>}
 * @param callTimeout longest one tool call may take before it counts as a transient failure (the server is then
 *                    restarted on the next call)
 */
public record McpServerConfig(String name, List<String> command, Map<String, String> env, String prefix,
    Duration callTimeout) {
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final String WORD = "[a-z][a-z0-9_]*";

  public McpServerConfig {
    if (name == null || !name.matches(WORD)) {
      throw new IllegalArgumentException("name must be a lower-case word (letters, digits, '_'), was '" + name + "'");
    }
    if (command == null || command.isEmpty() || command.get(0) == null || command.get(0).isBlank()) {
      throw new IllegalArgumentException("command must name the program to run");
    }
    command = List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
    prefix = prefix == null || prefix.isBlank() ? "mcp." + name : prefix;
    if (!prefix.matches(WORD + "(\\." + WORD + ")*")) {
      throw new IllegalArgumentException("prefix must be dotted lower-case words, was '" + prefix + "'");
    }
    callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("call_timeout must be positive, was " + callTimeout);
    }
  }

  /** With the default prefix and call timeout. */
  public static McpServerConfig of(String name, List<String> command, Map<String, String> env) {
    return new McpServerConfig(name, command, env, null, null);
  }

  /** The registry name of one of this server's tools. */
  public String registryName(String mcpToolName) {
    return prefix + "." + McpToolNames.normalize(mcpToolName);
  }

  @Override
  public String toString() {
    // env may carry secrets: name the variables, never their values
    return "McpServerConfig[name=" + name + ", command=" + command + ", env=" + env.keySet() + ", prefix=" + prefix
        + ", callTimeout=" + callTimeout + "]";
  }

  /** For callers that need a non-null command for messages. */
  String commandLine() {
    return String.join(" ", Objects.requireNonNull(command));
  }
}

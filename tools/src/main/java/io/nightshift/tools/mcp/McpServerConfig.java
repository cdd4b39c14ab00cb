package io.nightshift.tools.mcp;

import io.nightshift.core.process.ToolEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One MCP server the runtime launches over stdio, and how its tools are named in the registry.
 *
 * @param name        short lower-case id, used in logs and in the default prefix
 * @param command     the program and its arguments, e.g. {@code [python3, server.py]}
 * @param env         environment variables set for the server process
 * @param passEnv     names of the runtime's environment variables the server gets as they are (e.g. a token it
 *                    needs); beside these and {@code env} it sees only {@link ToolEnvironment#BASE}, never the
 *                    rest of the runtime's environment (the model endpoints' keys are there)
 * @param prefix      registry names are {@code prefix.tool}; default {@code mcp.<name>}
 * @param callTimeout longest one tool call may take before it counts as a transient failure (the server is then
 *                    restarted on the next call)
 */
public record McpServerConfig(String name, List<String> command, Map<String, String> env, Set<String> passEnv,
    String prefix, Duration callTimeout) {
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
    passEnv = passEnv == null ? Set.of() : Set.copyOf(passEnv);
    Stream.concat(env.keySet().stream(), passEnv.stream()).filter(v -> !ToolEnvironment.isName(v)).findFirst()
        .ifPresent(v -> {
          throw new IllegalArgumentException("'" + v + "' is not an environment variable's name (letters, digits,"
              + " '_', not starting with a digit)");
        });
    prefix = prefix == null || prefix.isBlank() ? "mcp." + name : prefix;
    if (!prefix.matches(WORD + "(\\." + WORD + ")*")) {
      throw new IllegalArgumentException("prefix must be dotted lower-case words, was '" + prefix + "'");
    }
    callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("call_timeout must be positive, was " + callTimeout);
    }
  }

  /** With nothing passed through, the default prefix and call timeout. */
  public static McpServerConfig of(String name, List<String> command, Map<String, String> env) {
    return new McpServerConfig(name, command, env, Set.of(), null, null);
  }

  /** The registry name of one of this server's tools. */
  public String registryName(String mcpToolName) {
    return prefix + "." + McpToolNames.normalize(mcpToolName);
  }

  @Override
  public String toString() {
    // env may carry secrets: name the variables, never their values
    return "McpServerConfig[name=" + name + ", command=" + command + ", env=" + env.keySet() + ", passEnv="
        + passEnv + ", prefix=" + prefix + ", callTimeout=" + callTimeout + "]";
  }

  /** For callers that need a non-null command for messages. */
  String commandLine() {
    return String.join(" ", Objects.requireNonNull(command));
  }
}

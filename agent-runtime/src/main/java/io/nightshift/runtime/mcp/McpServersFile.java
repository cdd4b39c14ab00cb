package io.nightshift.runtime.mcp;

import io.nightshift.core.tool.ToolProvider;
import io.nightshift.tools.mcp.McpServerConfig;
import io.nightshift.tools.mcp.McpToolSource;
import io.nightshift.tools.registry.ToolRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The MCP servers whose tools join the registry, from the {@code mcp:} section of the {@code --models} file (beside
 * its {@code endpoints:}), checked at start so a typo fails the start naming the file, the server and the key:
 *
 * <pre>
 * mcp:
 *   - name: calc                          # lower-case word; tools become mcp.calc.&lt;tool&gt;
 *     command: python3                    # the program, started over stdio (PATH lookup as usual)
 *     args: [/opt/mcp/calc_server.py]     # optional
 *     env: {CALC_PRECISION: "6"}          # optional, added to the runtime's environment
 *     prefix: mcp.calc                    # optional, default mcp.&lt;name&gt;
 *     call_timeout_seconds: 60            # optional: a call that takes longer is retried on a fresh process
 * </pre>
 */
public final class McpServersFile {
  private static final Set<String> KEYS = Set.of("name", "command", "args", "env", "prefix", "call_timeout_seconds");

  private McpServersFile() {}

  /** The servers of a models file; none when there is no file or it has no {@code mcp:} section. */
  public static List<McpServerConfig> read(Path file) {
    if (file == null) {
      return List.of();
    }
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("models file " + file + ": cannot read it: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top) || top.get("mcp") == null) {
      return List.of();
    }
    if (!(top.get("mcp") instanceof List<?> servers)) {
      throw new IllegalArgumentException("models file " + file + ": 'mcp' must be a list of servers");
    }
    List<McpServerConfig> out = new ArrayList<>();
    int index = 0;
    for (Object item : servers) {
      index++;
      if (!(item instanceof Map<?, ?> s)) {
        throw new IllegalArgumentException("models file " + file + ", mcp server #" + index + ": must be a mapping");
      }
      String where = "models file " + file + ", mcp server '" + s.get("name") + "'";
      for (Object key : s.keySet()) {
        if (!KEYS.contains(String.valueOf(key))) {
          throw new IllegalArgumentException(where + ": unknown key '" + key + "'; known: " + KEYS);
        }
      }
      try {
        out.add(server(s));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The class path's tools plus those of the MCP servers (listing them starts the servers). */
  public static ToolRegistry registryWith(McpToolSource mcp) {
    List<ToolProvider> providers = new ArrayList<>(
        ServiceLoader.load(ToolProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    providers.add(mcp);
    return ToolRegistry.of(providers);
  }

  private static McpServerConfig server(Map<?, ?> s) {
    List<String> command = new ArrayList<>();
    Object program = s.get("command");
    if (program instanceof List<?> parts) {
      parts.forEach(p -> command.add(String.valueOf(p)));
    } else if (program != null) {
      command.add(String.valueOf(program));
    }
    if (s.get("args") instanceof List<?> args) {
      args.forEach(a -> command.add(String.valueOf(a)));
    } else if (s.get("args") != null) {
      throw new IllegalArgumentException("'args' must be a list");
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (s.get("env") instanceof Map<?, ?> vars) {
      vars.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
    } else if (s.get("env") != null) {
      throw new IllegalArgumentException("'env' must be a mapping of variable names to values");
    }
    Duration timeout = null;
    if (s.get("call_timeout_seconds") != null) {
      try {
        timeout = Duration.ofSeconds(Long.parseLong(String.valueOf(s.get("call_timeout_seconds"))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'call_timeout_seconds' must be a whole number of seconds");
      }
    }
    return new McpServerConfig(s.get("name") == null ? null : String.valueOf(s.get("name")), command, env,
        s.get("prefix") == null ? null : String.valueOf(s.get("prefix")), timeout);
  }
}

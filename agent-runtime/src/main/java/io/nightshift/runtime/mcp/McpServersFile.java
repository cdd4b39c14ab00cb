package io.nightshift.runtime.mcp;

import io.nightshift.config.ConfigDocument;
import io.nightshift.config.ConfigNode;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.tools.mcp.McpServerConfig;
import io.nightshift.tools.mcp.McpToolSource;
import io.nightshift.tools.registry.ToolRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The MCP servers whose tools join the registry, from the {@code mcp:} section of the {@code --models} file (beside
 * its {@code endpoints:}), checked at start with the one config reader, so a typo fails the start naming the file
 * and, for every problem at once, the key path and line ({@code mcp[calc].comand (line 4): unknown key; ...}):
 *
 * <pre>
 * mcp:
 *   - name: calc                          # lower-case word; tools become mcp.calc.&lt;tool&gt;
 *     command: python3                    # the program, started over stdio (PATH lookup as usual)
 *     args: [/opt/mcp/calc_server.py]     # optional
 *     env: {CALC_PRECISION: "6"}          # optional: variables set for the server
 *     pass_env: [CALC_LICENSE]            # optional: the runtime's variables it gets by name
 *     prefix: mcp.calc                    # optional, default mcp.&lt;name&gt;
 *     call_timeout_seconds: 60            # optional: a call that takes longer is retried on a fresh process
 * </pre>
 *
 * A server sees only what {@code env} and {@code pass_env} give it, beside {@code ToolEnvironment.BASE} (PATH,
 * HOME, the locale, TMPDIR, ...): never the rest of the runtime's environment, where the model endpoints' keys are.
 */
public final class McpServersFile {
  private static final Set<String> KEYS = Set.of("name", "command", "args", "env", "pass_env", "prefix",
      "call_timeout_seconds");

  private McpServersFile() {}

  /** The servers of a models file; none when there is no file or it has no {@code mcp:} section. */
  public static List<McpServerConfig> read(Path file) {
    if (file == null) {
      return List.of();
    }
    ConfigDocument doc = ConfigDocument.read(file, "models file");
    List<McpServerConfig> out = new ArrayList<>();
    for (ConfigNode item : doc.root().get("mcp").items("servers (see McpServersFile's javadoc)")) {
      server(item.namedBy("name")).ifPresent(out::add);
    }
    return doc.result(out);
  }

  /** The class path's tools plus those of the MCP servers (listing them starts the servers). */
  public static ToolRegistry registryWith(McpToolSource mcp) {
    List<ToolProvider> providers = new ArrayList<>(
        ServiceLoader.load(ToolProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    providers.add(mcp);
    return ToolRegistry.of(providers);
  }

  private static Optional<McpServerConfig> server(ConfigNode s) {
    if (!s.keys(KEYS).isMapping()) {
      return Optional.empty();
    }
    s.get("name").require("a lower-case word; tools become mcp.<name>.<tool>");
    s.get("command").require("the program to start, e.g. python3 or [python3, server.py]");
    List<String> command = new ArrayList<>(s.get("command").stringOrStrings());
    command.addAll(s.get("args").strings());
    Map<String, String> env = new LinkedHashMap<>();
    s.get("env").entries().forEach((name, value) -> value.string().ifPresent(v -> env.put(name, v)));
    Set<String> passEnv = new LinkedHashSet<>(s.get("pass_env").strings());
    Optional<String> name = s.get("name").string();
    Optional<String> prefix = s.get("prefix").string();
    ConfigNode timeout = s.get("call_timeout_seconds");
    int seconds = timeout.integer(1, Integer.MAX_VALUE, (int) McpServerConfig.DEFAULT_CALL_TIMEOUT.toSeconds());
    if (name.isEmpty() || command.isEmpty()) {
      return Optional.empty();
    }
    return s.build(() -> new McpServerConfig(name.get(), command, env, passEnv, prefix.orElse(null),
        timeout.isPresent() ? Duration.ofSeconds(seconds) : null));
  }
}

package io.nightshift.core.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment of every program the runtime starts (a tool's program, an MCP server, the Temporal dev server, a
 * model server on a lease, a hardware tool such as nvidia-smi, a provisioning step): a small base taken from the
 * runtime's own environment, the names passed through for what the program does ({@link PassThrough}, or an MCP
 * server's {@code pass_env}), and the values it declares; never the rest. The runtime's environment holds its model
 * endpoints' API keys and whatever its operator exported, and a program it starts (often third-party code) has no
 * business reading them. Nothing in the runtime starts a process without going through here.
 */
public final class ToolEnvironment {
  /**
   * What every program gets from the runtime's environment, where set:
   * <ul>
   *   <li>{@code PATH}: to find the programs it starts in turn (an interpreter, {@code npx}, a helper);</li>
   *   <li>{@code HOME}: where programs keep their caches and settings (pip, npm, matplotlib); without it many
   *       fail or write into the working directory;</li>
   *   <li>{@code LANG}, {@code LC_ALL}, {@code LC_CTYPE}: the character encoding of text and file names, so a
   *       non-ASCII argument or file name reads as it was written;</li>
   *   <li>{@code TMPDIR}: the temporary directory the operator chose (often a private one);</li>
   *   <li>{@code TZ}: the site's time zone, so times a program prints match the runtime's;</li>
   *   <li>{@code LD_LIBRARY_PATH}: programs built against libraries outside the system's paths (CUDA, a conda
   *       environment) do not load without it.</li>
   * </ul>
   * None of these carries a credential.
   */
  public static final Set<String> BASE = Set.of("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ",
      "LD_LIBRARY_PATH");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ToolEnvironment() {}

  /**
   * The environment for a program.
   *
   * @param runtime     the runtime's own environment (what a new process would inherit)
   * @param passThrough names taken from {@code runtime} as they are, beside {@link #BASE} (absent ones are skipped)
   * @param declared    values set for the program; they win over the runtime's
   */
  public static Map<String, String> of(Map<String, String> runtime, Set<String> passThrough,
      Map<String, String> declared) {
    Map<String, String> env = new TreeMap<>();
    for (String name : runtime.keySet()) {
      if (BASE.contains(name) || passThrough.contains(name)) {
        env.put(name, runtime.get(name));
      }
    }
    env.putAll(declared);
    return env;
  }

  /**
   * Confines a process builder, whose environment starts as a copy of the runtime's, to {@link #BASE}: what a
   * tool adds to {@code builder.environment()} afterwards is what it declares.
   */
  public static ProcessBuilder confine(ProcessBuilder builder) {
    return confine(builder, Set.of(), Map.of());
  }

  /** As {@link #confine(ProcessBuilder)}, with names passed through and values declared (see {@link #of}). */
  public static ProcessBuilder confine(ProcessBuilder builder, Set<String> passThrough, Map<String, String> declared) {
    Map<String, String> env = builder.environment();
    Map<String, String> kept = of(new LinkedHashMap<>(env), passThrough, declared);
    env.clear();
    env.putAll(kept);
    return builder;
  }

  /** Whether {@code name} can be an environment variable's name (letters, digits, '_', not starting with a digit). */
  public static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}

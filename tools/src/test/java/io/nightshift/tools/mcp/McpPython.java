package io.nightshift.tools.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MCP server for tests: the official Python SDK ({@value #PACKAGE}) in a virtual environment cached under
 * {@code ~/.cache/nightshift/mcp-python} (or {@code $NIGHTSHIFT_DATA_DIR/mcp-python}), provisioned once with pip
 * like the llama.cpp server, and the small server script {@code mcp/calc_server.py} from this module's test
 * resources. Other modules use it from the tools test-jar.
 */
public final class McpPython {
  public static final String PACKAGE = "mcp==2.3.0";
  private static final String READY = ".nightshift-ready";

  private McpPython() {}

  /** The Python interpreter of the cached environment, provisioning it first if needed (a file lock serialises). */
  public static Path python() {
    Path root = dataDir().resolve("mcp-python");
    Path venv = root.resolve("venv");
    Path python = venv.resolve("bin").resolve("python");
    try {
      Files.createDirectories(root);
      try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path marker = venv.resolve(READY);
        if (Files.isRegularFile(marker) && PACKAGE.equals(Files.readString(marker).strip())
            && Files.isExecutable(python)) {
          return python;
        }
        Path log = root.resolve("install.log");
        String base = System.getenv().getOrDefault("NIGHTSHIFT_PYTHON", "python3");
        run(List.of(base, "-m", "venv", "--clear", venv.toString()), log);
        run(List.of(python.toString(), "-m", "pip", "install", "--no-input", "--disable-pip-version-check",
            PACKAGE), log);
        run(List.of(python.toString(), "-c", "from mcp.server.mcpserver import MCPServer"), log);
        Files.writeString(marker, PACKAGE, StandardCharsets.UTF_8);
        return python;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot provision " + PACKAGE + " into " + venv + ": " + e.getMessage(), e);
    }
  }

  /** The command that runs the test server: one tool that adds, one that divides (and raises on zero), whoami. */
  public static List<String> calcServerCommand(Path scratch) {
    return List.of(python().toString(), script(scratch).toString());
  }

  /** Copies the server script out of the class path (it may sit inside a jar) into {@code scratch}. */
  public static Path script(Path scratch) {
    try (InputStream in = McpPython.class.getResourceAsStream("/mcp/calc_server.py")) {
      if (in == null) {
        throw new IllegalStateException("mcp/calc_server.py is not on the class path");
      }
      Path out = Files.createDirectories(scratch).resolve("calc_server.py");
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the MCP test server script: " + e.getMessage(), e);
    }
  }

  private static Path dataDir() {
    String configured = System.getProperty("nightshift.dataDir", System.getenv("NIGHTSHIFT_DATA_DIR"));
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "nightshift");
  }

  private static void run(List<String> command, Path log) throws IOException {
    Files.writeString(log, "\n$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        List<String> lines = Files.readAllLines(log);
        throw new IOException("failed: " + String.join(" ", command) + "\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}

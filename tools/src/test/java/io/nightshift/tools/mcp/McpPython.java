package io.nightshift.tools.mcp;

import io.nightshift.provisioning.CacheDirectory;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A real MCP server for tests: the official Python SDK (mcp, installed with everything it needs from
 * the hash-checked lock {@link PythonLock#MCP}) in a virtual environment cached under
 * {@code ~/.cache/nightshift/mcp-python} (or {@code $NIGHTSHIFT_DATA_DIR/mcp-python}), and the small server script
 * {@code mcp/calc_server.py} from this module's test resources. Other modules use it from the tools test-jar.
 */
public final class McpPython {
  private McpPython() {}

  /** The Python interpreter of the cached environment, provisioning it first if needed (a file lock serialises). */
  public static Path python() {
    return PythonEnvironment.builder(CacheDirectory.defaultRoot().resolve("mcp-python").resolve("venv")).build()
        .ensure(List.of(PythonLock.MCP.requirements()), List.of("-c", "from mcp.server.mcpserver import MCPServer"));
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
}

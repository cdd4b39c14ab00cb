package io.nightshift.core.tool;

import io.nightshift.core.error.ToolException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Resolves a tool's {@code file:PATH} source inside the runtime's inputs directory ({@link ToolContext#inputsDir()})
 * and nowhere else: a submitted pipeline names the path, so without this confinement it could read any file the
 * server can.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * @param requested the path after {@code file:}, relative to the inputs directory
   * @return the file's real path (links followed), which lies under the inputs directory
   * @throws ToolException (permanent) when the runtime has no inputs directory or the file lies outside it
   * @throws IOException   when the file does not exist or cannot be resolved
   */
  public static Path confined(ToolContext context, Path requested) throws IOException {
    Path root = context.inputsDir()
        .orElseThrow(() -> ToolException.permanent("file: sources are disabled: the runtime has no inputs directory"))
        .toRealPath();
    Path file = root.resolve(requested).toRealPath();
    if (!file.startsWith(root)) {
      throw ToolException.permanent("file " + requested + " lies outside the inputs directory " + root);
    }
    return file;
  }
}

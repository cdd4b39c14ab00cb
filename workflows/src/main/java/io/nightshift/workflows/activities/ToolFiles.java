package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.tool.ToolContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the tools a worker runs keep their files, as the runtime's configuration says: the artifact store (inputs
 * and outputs passed between steps by reference), the root under which each call gets its scratch directory, and
 * the inputs directory that {@code file:} sources are confined to ({@link ToolContext#inputsDir()}).
 *
 * @param inputsDir empty where the runtime takes no files of its users; then tools refuse {@code file:} sources
 */
public record ToolFiles(ArtifactStore artifacts, Path scratchRoot, Optional<Path> inputsDir) {
  public ToolFiles {
    Objects.requireNonNull(scratchRoot, "scratchRoot");
    Objects.requireNonNull(inputsDir, "inputsDir");
  }

  /** Without an inputs directory: tools refuse {@code file:} sources. */
  public static ToolFiles withoutInputs(ArtifactStore artifacts, Path scratchRoot) {
    return new ToolFiles(artifacts, scratchRoot, Optional.empty());
  }
}

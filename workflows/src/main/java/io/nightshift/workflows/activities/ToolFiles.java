package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.tool.ToolContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the tools a worker runs keep their files, and where they may connect, as the runtime's configuration says:
 * the artifact store (inputs and outputs passed between steps by reference), the root under which each call gets
 * its scratch directory, the inputs directory that {@code file:} sources are confined to ({@link
 * ToolContext#inputsDir()}), and the egress allow-list ({@link ToolContext#egress()}).
 *
 * @param inputsDir empty where the runtime takes no files of its users; then tools refuse {@code file:} sources
 * @param egress    the hosts tools may connect to
 */
public record ToolFiles(ArtifactStore artifacts, Path scratchRoot, Optional<Path> inputsDir, EgressPolicy egress) {
  public ToolFiles {
    Objects.requireNonNull(scratchRoot, "scratchRoot");
    Objects.requireNonNull(inputsDir, "inputsDir");
    Objects.requireNonNull(egress, "egress");
  }

  /** Tools that may connect to this machine alone (loopback), as where no egress allow-list is configured. */
  public ToolFiles(ArtifactStore artifacts, Path scratchRoot, Optional<Path> inputsDir) {
    this(artifacts, scratchRoot, inputsDir, EgressPolicy.loopbackOnly());
  }

  /** Without an inputs directory: tools refuse {@code file:} sources. */
  public static ToolFiles withoutInputs(ArtifactStore artifacts, Path scratchRoot) {
    return new ToolFiles(artifacts, scratchRoot, Optional.empty());
  }
}

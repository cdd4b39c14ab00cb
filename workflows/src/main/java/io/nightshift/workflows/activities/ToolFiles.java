package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.memory.Notebooks;
import io.nightshift.core.tool.ToolContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the tools a worker runs keep their files, and where they may connect, as the runtime's configuration says:
 * the artifact store (inputs and outputs passed between steps by reference), the root under which each call gets
 * its scratch directory, the inputs directory that {@code file:} sources are confined to ({@link
 * ToolContext#inputsDir()}), the egress allow-list ({@link ToolContext#egress()}), and the notebooks agents' memory
 * tools keep their notes in ({@link ToolContext#notebook()}).
 *
 * @param inputsDir empty where the runtime takes no files of its users; then tools refuse {@code file:} sources
 * @param egress    the hosts tools may connect to
 * @param notebooks where agents' notes are kept; {@link Notebooks#none()} where no notes are kept
 */
public record ToolFiles(ArtifactStore artifacts, Path scratchRoot, Optional<Path> inputsDir, EgressPolicy egress,
    Notebooks notebooks) {
  public ToolFiles {
    Objects.requireNonNull(scratchRoot, "scratchRoot");
    Objects.requireNonNull(inputsDir, "inputsDir");
    Objects.requireNonNull(egress, "egress");
    Objects.requireNonNull(notebooks, "notebooks");
  }

  /** Keeping no notes: agents' memory tools answer that memory is not available. */
  public ToolFiles(ArtifactStore artifacts, Path scratchRoot, Optional<Path> inputsDir, EgressPolicy egress) {
    this(artifacts, scratchRoot, inputsDir, egress, Notebooks.none());
  }

  /** Tools that may connect to this machine alone (loopback), as where no egress allow-list is configured. */
  public ToolFiles(ArtifactStore artifacts, Path scratchRoot, Optional<Path> inputsDir) {
    this(artifacts, scratchRoot, inputsDir, EgressPolicy.loopbackOnly());
  }

  /** Without an inputs directory: tools refuse {@code file:} sources. */
  public static ToolFiles withoutInputs(ArtifactStore artifacts, Path scratchRoot) {
    return new ToolFiles(artifacts, scratchRoot, Optional.empty());
  }

  /** The same files, with {@code store} as the artifact store (one call's view of it: see {@link SliceInputs}). */
  ToolFiles withArtifacts(ArtifactStore store) {
    return new ToolFiles(store, scratchRoot, inputsDir, egress, notebooks);
  }

  /** The same files, with agents' notes kept in {@code kept}. */
  public ToolFiles withNotebooks(Notebooks kept) {
    return new ToolFiles(artifacts, scratchRoot, inputsDir, egress, kept);
  }
}

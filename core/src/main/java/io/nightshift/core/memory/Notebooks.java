package io.nightshift.core.memory;

import java.util.Optional;

/**
 * Opens the notebook of a scope. The runtime's is durable ({@code FileNotebooks} under the data directory); {@link
 * #none()} serves workers that keep no notes, where the memory tools answer that memory is not available.
 */
public interface Notebooks {
  /** The scope's notebook (empty, not yet written, for a scope nobody saved to); empty where notes are not kept. */
  Optional<Notebook> open(NotebookScope scope);

  /** Keeps no notes: every scope opens to nothing. */
  static Notebooks none() {
    return scope -> Optional.empty();
  }
}

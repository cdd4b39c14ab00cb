package io.nightshift.runtime;

import io.nightshift.runtime.lifecycle.Closer;
import java.io.IOException;

/**
 * What one role adds to a runtime process on top of the parts the roles share (accelerator pools, the Temporal
 * connection, tools and pipelines). {@link NightshiftRuntime} starts the parts of the roles asked in {@link Role}
 * order and closes everything in reverse. The temporal role has no part: see
 * {@link io.nightshift.runtime.temporal.TemporalRole}.
 */
public interface RolePart {
  /** The role this part plays; a process has at most one part per role. */
  Role role();

  /** Starts the role; everything it opens goes on {@code closer}, in the order it opens. */
  void start(RoleContext context, Closer closer) throws IOException;
}

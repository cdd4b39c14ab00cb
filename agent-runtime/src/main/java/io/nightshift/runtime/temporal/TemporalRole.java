package io.nightshift.runtime.temporal;

import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;

/**
 * The temporal role. Every process talks to a Temporal server; the role decides only whether this one runs it (the
 * local dev server, or one already answering there) or connects to {@code --temporal-address}, else to the local
 * address where another process of the same machine runs it. So it is no {@code RolePart}: it comes before the
 * parts the other roles share, whatever roles were asked.
 */
public final class TemporalRole {
  private TemporalRole() {}

  /** @param runsServer whether the temporal role was asked of this process */
  public static TemporalServer open(RuntimeConfig config, boolean runsServer) throws IOException {
    return runsServer ? LocalTemporal.open(config) : TemporalServer.external(config.effectiveTemporalAddress(), null);
  }
}

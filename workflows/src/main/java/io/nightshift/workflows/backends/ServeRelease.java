package io.nightshift.workflows.backends;

import java.util.Objects;

/** {@code owner} no longer needs the server behind {@code endpointId}. */
public record ServeRelease(String poolId, String endpointId, String owner) {
  public ServeRelease {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(owner, "owner");
  }
}

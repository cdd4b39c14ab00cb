package io.nightshift.workflows.backends;

import java.util.Objects;

/** Asks a pool for a server of {@code model} on behalf of {@code owner} (an agent id). */
public record ServeRequest(String poolId, String model, String owner) {
  public ServeRequest {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(owner, "owner");
  }
}

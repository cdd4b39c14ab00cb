package io.nightshift.workflows.backends;

import java.util.Objects;

/**
 * A model server held for an agent.
 *
 * @param endpointId the model endpoint its calls name (registered in the pool's worker while the server runs)
 * @param baseUrl    the server, for people reading the task
 * @param leaseId    the lease it runs on
 * @param units      units that lease holds
 * @param started    true when this request started it, false when a warm one was reused
 */
public record ServedModel(String endpointId, String baseUrl, String leaseId, int units, boolean started) {
  public ServedModel {
    Objects.requireNonNull(endpointId, "endpointId");
  }
}

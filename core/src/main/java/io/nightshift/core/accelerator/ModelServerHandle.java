package io.nightshift.core.accelerator;

import java.net.URI;
import java.util.Objects;

/**
 * A model endpoint Nightshift started on a lease or attached to. Plain values only, so it can travel through
 * Temporal; the backend that made it keeps the process.
 *
 * @param id        unique within the backend; pass the handle back to stop or probe it
 * @param backendId pool that owns it
 * @param leaseId   lease it runs on, empty for an attached endpoint
 * @param model     model it serves
 * @param baseUrl   OpenAI-compatible base URL ({@code http://127.0.0.1:8000}); {@code sim://} for the simulator
 * @param healthUrl URL whose 200 response means ready
 * @param metricsUrl Prometheus text endpoint for load, empty when the server has none
 * @param attached  true when Nightshift did not start it and must not stop it
 */
public record ModelServerHandle(
    String id, String backendId, String leaseId, String model, URI baseUrl, URI healthUrl, String metricsUrl,
    boolean attached) {
  public ModelServerHandle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(backendId, "backendId");
    leaseId = leaseId == null ? "" : leaseId;
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(healthUrl, "healthUrl");
    metricsUrl = metricsUrl == null ? "" : metricsUrl;
  }
}

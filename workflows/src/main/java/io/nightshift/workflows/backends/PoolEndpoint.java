package io.nightshift.workflows.backends;

import java.util.Objects;

/**
 * A model endpoint an agent may call on a pool, as the pool's inventory saw it.
 *
 * @param endpointId  its id in the models file: what the model activity is told to call
 * @param model       the model the pool's server serves (the backends file's name for it): endpoints with the same
 *                    model are interchangeable for an agent, so one can take over when another's circuit opens
 * @param circuitOpen its circuit breaker refuses calls now
 * @param leased      its server was started by the pool on a lease: reach it through
 *                    {@link ModelServerActivities#acquire}, which keeps it up while held, never directly
 */
public record PoolEndpoint(String endpointId, String model, boolean circuitOpen, boolean leased) {
  public PoolEndpoint {
    Objects.requireNonNull(endpointId, "endpointId");
    model = model == null ? "" : model;
  }
}

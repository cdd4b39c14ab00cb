package io.nightshift.workflows.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an agent's model and tool calls go.
 *
 * @param endpoint      the model endpoint id (models' ModelEndpointRegistry) calls go to first
 * @param endpoints     every endpoint that may serve this agent's calls, in order of preference, {@code endpoint}
 *                      among them (they serve the same model); calls stick to the one that served the last call and
 *                      move down this list only when its circuit breaker is open. Empty: {@code endpoint} only
 * @param activityQueue task queue of the model and tool activities; empty runs them on the workflow's own queue
 *                      (null in JSON)
 */
public record AgentRouting(String endpoint, List<String> endpoints, Optional<String> activityQueue) {
  public AgentRouting {
    Objects.requireNonNull(endpoint, "endpoint");
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    activityQueue = activityQueue == null ? Optional.empty() : activityQueue;
  }

  /** Calls to {@code endpoint} alone, on the workflow's own queue. */
  public static AgentRouting to(String endpoint) {
    return new AgentRouting(endpoint, List.of(), Optional.empty());
  }

  /**
   * Calls to {@code endpointId} alone, a server a pool started on a lease, with model and tool calls on
   * {@code queue} (the pool's, where that endpoint is registered).
   */
  public static AgentRouting onServer(String endpointId, String queue) {
    return new AgentRouting(endpointId, List.of(endpointId), Optional.of(queue));
  }

  /** The same endpoints with calls going first to {@code sticky} (one of {@link #endpoints()}). */
  public AgentRouting stickingTo(String sticky) {
    return new AgentRouting(sticky, endpoints, activityQueue);
  }

  /**
   * Where to send a call when {@code preferred} refuses it with an open circuit: the other endpoints, in order.
   */
  public List<String> fallbacksFor(String preferred) {
    List<String> out = new ArrayList<>();
    if (!preferred.equals(endpoint)) {
      out.add(endpoint);
    }
    endpoints.stream().filter(e -> !e.equals(preferred) && !out.contains(e)).forEach(out::add);
    return List.copyOf(out);
  }
}

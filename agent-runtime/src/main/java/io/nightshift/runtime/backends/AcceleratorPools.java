package io.nightshift.runtime.backends;

import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.models.ModelsFile;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accelerator pools a worker or API process holds: the fleet of the backends file, its inventory (which shows
 * the circuit breakers of each pool's servers), and, where agents run, their model endpoints and the model servers
 * pools start on leases.
 *
 * @param endpoints the model endpoints agents call; empty where no agent runs here or none is configured
 * @param servers   model servers started on pool leases; present only where endpoints are
 */
public record AcceleratorPools(BackendFleet fleet, FleetInventory inventory,
    Optional<ModelEndpointRegistry> endpoints, Optional<ModelServers> servers) {
  private static final Logger log = LoggerFactory.getLogger(AcceleratorPools.class);

  /**
   * Opens the pools and pushes each part on {@code closer} as it opens: fleet, inventory, then model servers, so
   * the servers stop and release their leases before the pools close.
   *
   * @param agentsHere whether this process runs agents (the worker role): model calls run there, and their circuit
   *                   breakers are what the pools' inventory and the API show, so an API-only process shows none
   *                   rather than breakers that never see a call
   * @param egress     the allow-list model clients check before each connection, reporting refusals to the audit log
   */
  public static AcceleratorPools open(RuntimeConfig config, EgressPolicy egress, boolean agentsHere,
      Closer closer) {
    Optional<ModelEndpointRegistry> endpoints = agentsHere && config.modelsFile() != null
        ? Optional.of(ModelEndpointRegistry.of(ModelsFile.read(config.modelsFile()), egress)) : Optional.empty();
    // before Temporal starts, so a bad backends file fails the start at once, naming file, pool and key
    BackendFleet fleet = closer.push(BackendFleet.open(config.backendsFile()));
    if (agentsHere && endpoints.isEmpty() && fleet.pools().stream().anyMatch(p -> !p.config().serve().isEmpty())) {
      endpoints = Optional.of(ModelEndpointRegistry.of(List.of(), egress)); // only servers started on leases
    }
    FleetInventory inventory = closer.push(new FleetInventory(fleet, FleetInventory.DEFAULT_TIMEOUT,
        endpoints.map(ModelEndpointGuards::of).orElse(ModelEndpointGuards.none())));
    Optional<ModelServers> servers = endpoints.map(e -> closer.push(new ModelServers(fleet, e)));
    log.info("accelerator pools from {}: {}", fleet.source(), fleet.ids());
    return new AcceleratorPools(fleet, inventory, endpoints, servers);
  }
}

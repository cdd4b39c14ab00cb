package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.BackendSettings;
import io.nightshift.workflows.engine.ActivityPolicies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One pool of the backends file.
 *
 * @param type       factory type ({@code nvidia}, {@code trainium}, {@code cpu}, {@code simulated}, a plug-in's)
 * @param id         pool id; its Temporal task queue is {@code backend-<id>}
 * @param properties the factory's own keys (paths of tools, prices, launch templates), as strings
 * @param speed      work per unit-hour relative to a reference device, for placement
 * @param models     models the pool serves; empty means it can load any
 * @param endpoints  model servers already running on the pool, attached at start
 * @param serve      models the pool starts a server for on a lease when an agent step placed there needs one
 * @param pickupTimeout how long a call placed on the pool may wait in Temporal's queue for a worker of the pool
 *                   before it fails and the step moves to another pool: longer where workers start slowly
 */
public record PoolConfig(String type, String id, Map<String, String> properties, double speed, List<String> models,
    List<EndpointConfig> endpoints, List<ServeConfig> serve, Duration pickupTimeout) {
  /** The pickup timeout a pool has when its entry sets none. */
  public static final Duration DEFAULT_PICKUP_TIMEOUT = ActivityPolicies.POOL_PICKUP_TIMEOUT;

  /** A pool with the default pickup timeout. */
  public PoolConfig(String type, String id, Map<String, String> properties, double speed, List<String> models,
      List<EndpointConfig> endpoints, List<ServeConfig> serve) {
    this(type, id, properties, speed, models, endpoints, serve, DEFAULT_PICKUP_TIMEOUT);
  }

  public PoolConfig {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    properties = Map.copyOf(properties == null ? Map.of() : properties);
    models = List.copyOf(models == null ? List.of() : models);
    endpoints = List.copyOf(endpoints == null ? List.of() : endpoints);
    serve = List.copyOf(serve == null ? List.of() : serve);
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0, was " + speed);
    }
    Objects.requireNonNull(pickupTimeout, "pickupTimeout");
    if (pickupTimeout.isNegative() || pickupTimeout.isZero()) {
      throw new IllegalArgumentException("pickupTimeout must be > 0, was " + pickupTimeout);
    }
  }

  /** How this pool serves {@code model} on a lease, if it does. */
  public Optional<ServeConfig> serving(String model) {
    return serve.stream().filter(s -> s.model().equals(model)).findFirst();
  }

  /** This machine's CPU cores as one pool {@code cpu}, the pool a runtime without a backends file always has. */
  public static PoolConfig localCpu() {
    return new PoolConfig("cpu", "cpu", Map.of(), 1.0, List.of(), List.of(), List.of());
  }

  public BackendSettings settings() {
    return new BackendSettings(type, id, properties);
  }
}

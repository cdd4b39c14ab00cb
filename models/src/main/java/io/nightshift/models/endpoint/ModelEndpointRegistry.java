package io.nightshift.models.endpoint;

import dev.langchain4j.http.client.HttpClient;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.models.internal.EndpointHttpClientBuilder;
import io.nightshift.models.resilience.ResilienceSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model endpoints of one runtime, built once at start-up from configuration. Each gets its LangChain4j chat
 * model (OpenAiChatModel with a base URL for OpenAI-compatible servers, OllamaChatModel for Ollama) and its own
 * resilience guards. Endpoints of model servers the runtime starts itself on accelerator leases come and go with
 * {@link #register} and {@link #remove}. Endpoints that are replicas of one model ({@link
 * ModelEndpointConfig#replicaOf()}) are also called by that model's id: {@link #route} sends each call to the
 * least-loaded replica whose circuit is closed. Thread-safe.
 */
public final class ModelEndpointRegistry {
  private final Map<String, ModelEndpoint> endpoints;
  private final Map<String, ReplicaSet> replicaSets = new ConcurrentHashMap<>();
  private final Clock clock;
  private final EgressPolicy egress;

  private ModelEndpointRegistry(Map<String, ModelEndpoint> endpoints, Clock clock, EgressPolicy egress) {
    this.endpoints = new ConcurrentHashMap<>(endpoints);
    this.clock = clock;
    this.egress = egress;
    endpoints.values().forEach(e -> joinReplicaSet(e.config()));
  }

  /** Endpoints on this machine only (loopback): what a caller that configured no egress allow-list may reach. */
  public static ModelEndpointRegistry of(Collection<ModelEndpointConfig> configs) {
    return of(configs, Clock.systemUTC(), EgressPolicy.loopbackOnly());
  }

  /**
   * @param egress every request of every endpoint, those {@link #register}ed later too, is checked against it
   *               before it connects; a refused one fails as {@code EGRESS_REFUSED}, never retried
   */
  public static ModelEndpointRegistry of(Collection<ModelEndpointConfig> configs, EgressPolicy egress) {
    return of(configs, Clock.systemUTC(), egress);
  }

  /** @param clock reads HTTP-date Retry-After headers; tests pass a fixed one */
  public static ModelEndpointRegistry of(Collection<ModelEndpointConfig> configs, Clock clock) {
    return of(configs, clock, EgressPolicy.loopbackOnly());
  }

  private static ModelEndpointRegistry of(Collection<ModelEndpointConfig> configs, Clock clock,
      EgressPolicy egress) {
    Objects.requireNonNull(egress, "egress");
    Objects.requireNonNull(configs, "configs");
    Map<String, ModelEndpoint> byId = new LinkedHashMap<>();
    for (ModelEndpointConfig config : configs) {
      if (byId.containsKey(config.id())) {
        throw new IllegalArgumentException("model endpoint id '" + config.id() + "' is configured twice");
      }
      byId.put(config.id(), new ModelEndpoint(
          config, ChatModelFactory.create(config, clock, egress), EndpointResilience.of(config)));
    }
    for (ModelEndpointConfig config : configs) {
      config.replicaOf().filter(byId::containsKey).ifPresent(group -> {
        throw new IllegalArgumentException("model id '" + group + "' is both an endpoint and the model endpoint '"
            + config.id() + "' is a replica of");
      });
    }
    return new ModelEndpointRegistry(byId, clock, egress);
  }

  /**
   * Adds an endpoint while the runtime runs (a model server started on a lease), with its own fresh guards.
   *
   * @throws IllegalArgumentException when the id is taken
   */
  public ModelEndpoint register(ModelEndpointConfig config) {
    ModelEndpoint endpoint = new ModelEndpoint(config, ChatModelFactory.create(config, clock, egress),
        EndpointResilience.of(config));
    if (replicaSets.containsKey(config.id())
        || config.replicaOf().filter(endpoints::containsKey).isPresent()) {
      throw new IllegalArgumentException("model endpoint id '" + config.id() + "' is already a model id with"
          + " replicas, or its replicaOf names an endpoint");
    }
    if (endpoints.putIfAbsent(config.id(), endpoint) != null) {
      throw new IllegalArgumentException("model endpoint id '" + config.id() + "' is already registered");
    }
    joinReplicaSet(config);
    return endpoint;
  }

  /** Forgets an endpoint (its server was stopped); calls naming it then fail as UNKNOWN_ENDPOINT. */
  public boolean remove(String id) {
    ModelEndpoint removed = endpoints.remove(id);
    if (removed == null) {
      return false;
    }
    removed.config().replicaOf().ifPresent(group -> replicaSets.computeIfPresent(group,
        (g, set) -> set.remove(id) ? null : set));
    return true;
  }

  /**
   * An endpoint by its id; for a model id with replicas, its first replica (they serve the same model, so its
   * configuration answers for all: the context window, the model name).
   *
   * @throws NoSuchElementException naming the endpoints that do exist
   */
  public ModelEndpoint get(String id) {
    ModelEndpoint endpoint = endpoints.get(id);
    ReplicaSet set = endpoint == null ? replicaSets.get(id) : null;
    if (set != null && !set.replicaIds().isEmpty()) {
      endpoint = endpoints.get(set.replicaIds().get(0));
    }
    if (endpoint == null) {
      throw new NoSuchElementException("no model endpoint '" + id + "'; configured: " + ids());
    }
    return endpoint;
  }

  /**
   * Where a call naming {@code id} goes: that endpoint, or for a model id with replicas the replica with the fewest
   * calls outstanding among those whose circuit is closed (see {@link ReplicaSet}). Close the result after the call.
   *
   * @throws NoSuchElementException naming the endpoints that do exist
   */
  public RoutedEndpoint route(String id) {
    ReplicaSet set = endpoints.containsKey(id) ? null : replicaSets.get(id);
    if (set == null) {
      return new RoutedEndpoint(get(id), () -> { });
    }
    String replica;
    try {
      replica = set.acquire(this::circuitOpen);
    } catch (IllegalStateException e) { // its last replica was removed after the set was looked up
      throw new NoSuchElementException("no model endpoint '" + id + "'; configured: " + ids());
    }
    ModelEndpoint endpoint = endpoints.get(replica);
    if (endpoint == null) { // removed between the pick and now: its set no longer offers it
      set.release(replica);
      return route(id);
    }
    return new RoutedEndpoint(endpoint, () -> set.release(replica));
  }

  /** The replicas' endpoint ids of a model id, in the order they were configured; empty for any other id. */
  public List<String> replicasOf(String id) {
    ReplicaSet set = replicaSets.get(id);
    return set == null ? List.of() : set.replicaIds();
  }

  /** Calls routed to a replica and not yet over (sent, or waiting for a place in its bulkhead). */
  public int outstanding(String replicaId) {
    return Optional.ofNullable(endpoints.get(replicaId)).flatMap(e -> e.config().replicaOf())
        .map(replicaSets::get).map(set -> set.outstanding(replicaId)).orElse(0);
  }

  /**
   * Whether calls naming {@code id} are refused now: its circuit is open, or for a model id with replicas, every
   * replica's is. False for an unknown id.
   */
  public boolean circuitOpen(String id) {
    ModelEndpoint endpoint = endpoints.get(id);
    if (endpoint != null) {
      return endpoint.resilience().snapshot().circuitOpen();
    }
    List<String> replicas = replicasOf(id);
    return !replicas.isEmpty() && replicas.stream().allMatch(this::circuitOpen);
  }

  /** Endpoint ids and model ids with replicas. */
  public boolean contains(String id) {
    return endpoints.containsKey(id) || !replicasOf(id).isEmpty();
  }

  private List<String> ids() {
    TreeSet<String> ids = new TreeSet<>(endpoints.keySet());
    ids.addAll(replicaSets.keySet());
    return List.copyOf(ids);
  }

  private void joinReplicaSet(ModelEndpointConfig config) {
    config.replicaOf().ifPresent(group -> replicaSets.computeIfAbsent(group, g -> new ReplicaSet())
        .add(config.id()));
  }

  public List<ModelEndpointConfig> configs() {
    return endpoints.values().stream().map(ModelEndpoint::config)
        .sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  /**
   * An HTTP client to an endpoint's server for requests beside its chat calls (its tokenizer, its properties): the
   * same egress checks, HTTP/1.1 and spans as its chat calls, its connect timeout (at most {@code readTimeout}) and
   * the caller's read timeout, short where an answer is only worth a short wait.
   *
   * @throws NoSuchElementException naming the endpoints that do exist
   */
  public HttpClient sideClient(String id, Duration readTimeout) {
    ModelEndpointConfig config = get(id).config();
    Duration connect = config.connectTimeout().compareTo(readTimeout) < 0 ? config.connectTimeout() : readTimeout;
    return new EndpointHttpClientBuilder(connect, readTimeout, clock, egress, id).build();
  }

  /** One endpoint's circuit, slots and rate permits now; empty for an id that is not configured. */
  public Optional<ResilienceSnapshot> snapshot(String id) {
    ModelEndpoint endpoint = endpoints.get(id);
    return endpoint == null ? Optional.empty() : Optional.of(endpoint.resilience().snapshot());
  }

  /** Every endpoint's circuit, slots and rate permits, sorted by id: what the API's backends view shows. */
  public List<ResilienceSnapshot> snapshots() {
    List<ResilienceSnapshot> all = new ArrayList<>();
    for (ModelEndpointConfig config : configs()) {
      all.add(endpoints.get(config.id()).resilience().snapshot());
    }
    return all;
  }
}

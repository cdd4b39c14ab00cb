package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.resilience.ResilienceSnapshot;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Links the model endpoints of the models file to the servers of the backends file, so a pool's inventory and the
 * API can show the circuit breaker, bulkhead and rate limiter of the calls that go to each server. A models-file
 * endpoint belongs to a server when both name the same server root: scheme, host, port and path, ignoring a
 * trailing {@code /v1} (the models file names OpenAI's API path, the backends file the server). Host names are
 * compared as written, not resolved: write {@code 127.0.0.1} in both files, or {@code localhost} in both.
 */
public final class ModelEndpointGuards {
  private static final ModelEndpointGuards NONE = new ModelEndpointGuards(null);

  private final ModelEndpointRegistry registry;

  private ModelEndpointGuards(ModelEndpointRegistry registry) {
    this.registry = registry;
  }

  /** No models file: servers have no guards and no pool's circuit ever opens. */
  public static ModelEndpointGuards none() {
    return NONE;
  }

  public static ModelEndpointGuards of(ModelEndpointRegistry registry) {
    return registry == null ? NONE : new ModelEndpointGuards(registry);
  }

  /** The guards of every models-file endpoint that calls this server, by endpoint id; empty when none does. */
  public List<ResilienceSnapshot> forServer(ModelServerHandle server) {
    if (registry == null) {
      return List.of();
    }
    String root = serverRoot(server.baseUrl());
    return registry.configs().stream()
        .filter(c -> serverRoot(c.baseUrl()).equals(root))
        .map(ModelEndpointConfig::id)
        .map(id -> registry.snapshot(id).orElseThrow())
        .toList();
  }

  /** {@code http://127.0.0.1:8080/v1/} and {@code HTTP://127.0.0.1:8080} are the same server. */
  static String serverRoot(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith("/v1")) {
      path = path.substring(0, path.length() - 3);
    }
    return scheme + "://" + host + ":" + port + path;
  }
}

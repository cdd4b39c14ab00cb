package io.nightshift.runtime.config;

import java.util.Optional;

/**
 * A listener of their own for /metrics, /healthz and /readyz ({@code --ops-port}, {@code --ops-host}). Its host
 * defaults to the API's: loopback unless the operator binds wider. It may bind wider than the API without TLS, since
 * it carries no credentials and serves nothing that needs them (a worker in a pod binds the pod's addresses for the
 * kubelet's probes and Prometheus, while it serves no API at all).
 *
 * @param host where it listens; empty for the API's host
 * @param port 0 for no listener of its own
 */
public record OpsListening(Optional<String> host, int port) {
  public static final String PORT_FLAG = "--ops-port";
  public static final String HOST_FLAG = "--ops-host";

  public OpsListening {
    host = host == null ? Optional.empty() : host.filter(h -> !h.isBlank());
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(PORT_FLAG + " must be a port between 1 and 65535, or 0 for none, was "
          + port);
    }
  }

  /** No listener of its own: the ops paths are served on the workflow UI's port alone, where it runs. */
  public static OpsListening none() {
    return new OpsListening(Optional.empty(), 0);
  }

  public boolean on() {
    return port != 0;
  }

  /** Where it listens, given the API's host. */
  public String hostOr(String apiHost) {
    return host.orElse(apiHost);
  }
}

package io.nightshift.runtime.ops;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * /metrics, /healthz and /readyz, without credentials, as Prometheus and Kubernetes probes ask. Nothing here is
 * sensitive: the series carry no task content, and the readiness reason names only Temporal's address or a pool.
 * <ul>
 *   <li>/metrics: every series of the process, Prometheus' text format;</li>
 *   <li>/healthz (liveness): 200 while the process runs its roles, 503 once it is stopping;</li>
 *   <li>/readyz (readiness): 200 while it can work, 503 with a short reason while Temporal or every pool is down.</li>
 * </ul>
 */
public final class OpsEndpoints {
  public static final Set<String> PATHS = Set.of("/metrics", "/healthz", "/readyz");
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String PLAIN = "text/plain; charset=utf-8";

  private final ProcessMetrics metrics;
  private final Readiness readiness;
  private final AtomicBoolean live = new AtomicBoolean(true);

  public OpsEndpoints(ProcessMetrics metrics, Readiness readiness) {
    this.metrics = metrics;
    this.readiness = readiness;
  }

  /** From now on /healthz and /readyz say the process is stopping. */
  void stopping() {
    live.set(false);
  }

  /** Answers one request for one of {@link #PATHS}; anything else under them is 404, anything but GET or HEAD 405. */
  public void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, PLAIN, "only GET and HEAD\n");
        return;
      }
      switch (ex.getRequestURI().getPath()) {
        case "/metrics" -> send(ex, 200, PROMETHEUS_TEXT, metrics.scrape());
        case "/healthz" -> send(ex, live.get() ? 200 : 503, PLAIN, live.get() ? "ok\n" : "stopping\n");
        case "/readyz" -> {
          Optional<String> why = live.get() ? readiness.whyNotReady() : Optional.of("stopping");
          send(ex, why.isEmpty() ? 200 : 503, PLAIN, why.map(r -> "not ready: " + r + "\n").orElse("ready\n"));
        }
        default -> send(ex, 404, PLAIN, "not found; try /metrics, /healthz or /readyz\n");
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}

package io.nightshift.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ops endpoints on a listener of their own, over a real socket, as Prometheus and a probe ask. */
class OpsEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ProcessMetrics metrics = ProcessMetrics.create();
  private final AtomicReference<Optional<String>> outage = new AtomicReference<>(Optional.empty());
  private final OpsEndpoints endpoints = new OpsEndpoints(metrics, new Readiness(List.of(outage::get)));
  private OpsServer server;

  @AfterEach
  void tearDown() {
    server.close();
    metrics.close();
  }

  @Test
  void shouldServeMetricsInPrometheusTextWithoutCredentials() throws Exception {
    Counter.builder("nightshift.model.calls").tags("endpoint", "e", "outcome", "ok").register(metrics.registry())
        .increment();
    server = OpsServer.start("127.0.0.1", 0, endpoints);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("# TYPE nightshift_model_calls_total counter")
        .contains("nightshift_model_calls_total{endpoint=\"e\",outcome=\"ok\"} 1.0");
  }

  @Test
  void shouldAnswerReadyzWithTheReasonWhileNotReadyAndHealthzAllTheWhile() throws Exception {
    server = OpsServer.start("127.0.0.1", 0, endpoints);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    outage.set(Optional.of("Temporal at t:1 does not answer since 10:00 (UNAVAILABLE)"));

    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("not ready: Temporal at t:1 does not answer since 10:00 (UNAVAILABLE)\n");
    assertThat(get("/healthz").statusCode()).as("alive: restarting would not bring Temporal back").isEqualTo(200);
  }

  @Test
  void shouldSayStoppingOnceTheProcessStops() throws Exception {
    server = OpsServer.start("127.0.0.1", 0, endpoints);

    endpoints.stopping();

    assertThat(get("/healthz").statusCode()).isEqualTo(503);
    assertThat(get("/readyz").body()).isEqualTo("not ready: stopping\n");
  }

  @Test
  void shouldRefuseOtherMethodsAndPaths() throws Exception {
    server = OpsServer.start("127.0.0.1", 0, endpoints);

    HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(get("/api/tasks").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}

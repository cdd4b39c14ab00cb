package io.nightshift.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Model calls over a real socket to a scripted endpoint, counted into a real Prometheus registry and scraped. */
class ModelCallMetricsTest {
  private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start("model");
  private final ProcessMetrics metrics = ProcessMetrics.create();
  private final ModelEndpointRegistry endpoints = ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
      .id("scripted").baseUrl(server.baseUrl()).modelName("model").maxConcurrency(2).build()));
  private final ModelCall models = new ModelCall(endpoints, new ModelCallMeters(metrics.registry()));

  @AfterEach
  void tearDown() {
    metrics.close();
    server.close();
  }

  @Test
  void shouldCountCallsTokensAndLatencyPerEndpoint() {
    server.enqueue(ScriptedReply.text("one", 60, 7), ScriptedReply.text("two", 40, 3));

    models.call("scripted", ModelCallRequest.of(UserMessage.from("a secret goal")));
    models.call("scripted", ModelCallRequest.of(UserMessage.from("another")));

    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("nightshift_model_calls_total{endpoint=\"scripted\",outcome=\"ok\"} 2.0")
        .contains("nightshift_model_tokens_total{direction=\"input\",endpoint=\"scripted\"} 100.0")
        .contains("nightshift_model_tokens_total{direction=\"output\",endpoint=\"scripted\"} 10.0")
        .contains("nightshift_model_latency_seconds_count{endpoint=\"scripted\"} 2")
        .doesNotContain("secret");
  }

  @Test
  void shouldCountErrorsByKindAndKeepUnknownEndpointIdsOutOfTheLabels() {
    server.enqueue(ScriptedReply.status(500, "boom"));

    assertThatThrownBy(() -> models.call("scripted", ModelCallRequest.of(UserMessage.from("hi"))))
        .isInstanceOf(ModelCallException.class);
    assertThatThrownBy(() -> models.call("made-up-by-a-request", ModelCallRequest.of(UserMessage.from("hi"))))
        .isInstanceOf(ModelCallException.class);

    String scrape = metrics.scrape();
    assertThat(scrape)
        .containsPattern("nightshift_model_errors_total\\{endpoint=\"scripted\",kind=\"[A-Z_]+\"} 1.0")
        .contains("nightshift_model_errors_total{endpoint=\"unknown\",kind=\"UNKNOWN_ENDPOINT\"} 1.0")
        .doesNotContain("made-up-by-a-request");
  }

  @Test
  void shouldShowEachEndpointsCircuitStateAsOneAmongZeros() {
    CircuitGauges circuits = new CircuitGauges(metrics.registry(), endpoints);
    circuits.sample();

    assertThat(metrics.scrape())
        .contains("nightshift_model_circuit_state{endpoint=\"scripted\",state=\"CLOSED\"} 1.0")
        .contains("nightshift_model_circuit_state{endpoint=\"scripted\",state=\"OPEN\"} 0.0");
    endpoints.get("scripted").resilience().circuitBreaker().transitionToOpenState();
    circuits.sample();

    assertThat(metrics.scrape())
        .contains("nightshift_model_circuit_state{endpoint=\"scripted\",state=\"CLOSED\"} 0.0")
        .contains("nightshift_model_circuit_state{endpoint=\"scripted\",state=\"OPEN\"} 1.0");
  }
}

package io.nightshift.models.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import io.nightshift.core.egress.EgressPolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds {@link EndpointHttpClient}s with the endpoint's own timeouts. The timeouts are pinned: LangChain4j's model
 * builders always pass their defaults (15 s connect, 60 s read for OpenAI) to the HTTP client builder, which would
 * silently replace the configured values, so the setters here are ignored on purpose.
 */
public final class EndpointHttpClientBuilder implements HttpClientBuilder {
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Clock clock;
  private final EgressPolicy egress;
  private final String endpointId;

  /** @param egress checked before each request, which a refusal stops before it connects */
  public EndpointHttpClientBuilder(Duration connectTimeout, Duration readTimeout, Clock clock, EgressPolicy egress,
      String endpointId) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.clock = clock;
    this.egress = egress;
    this.endpointId = endpointId;
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration ignored) {
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public HttpClientBuilder readTimeout(Duration ignored) {
    return this;
  }

  @Override
  public HttpClient build() {
    return new EndpointHttpClient(connectTimeout, readTimeout, clock, egress, endpointId);
  }
}

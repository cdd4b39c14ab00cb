package io.nightshift.models.internal;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.nightshift.core.egress.EgressPolicy;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * The JDK HTTP client as LangChain4j sees it, except that an error response keeps its {@code Retry-After} header
 * (LangChain4j's own JdkHttpClient drops all headers of a non-2xx response). Streaming and multipart requests, which
 * the model layer does not use, go to LangChain4j's JdkHttpClient unchanged.
 */
final class EndpointHttpClient implements HttpClient {
  private final java.net.http.HttpClient jdk;
  private final Duration readTimeout;
  private final JdkHttpClient streaming;
  private final Clock clock;
  private final EgressPolicy egress;
  private final String endpointId;

  EndpointHttpClient(Duration connectTimeout, Duration readTimeout, Clock clock, EgressPolicy egress,
      String endpointId) {
    this.egress = egress;
    this.endpointId = endpointId;
    this.jdk = jdkClient().connectTimeout(connectTimeout).build();
    this.readTimeout = readTimeout;
    this.streaming = JdkHttpClient.builder().httpClientBuilder(jdkClient())
        .connectTimeout(connectTimeout).readTimeout(readTimeout).build();
    this.clock = clock;
  }

  /**
   * HTTP/1.1: model servers are plain http:// on the site's network, and the JDK client's default (HTTP/2) asks
   * every such connection to upgrade to h2c, which uvicorn (llama-cpp-python's and vLLM's server) refuses and logs
   * as "Unsupported upgrade request" on every call.
   */
  private static java.net.http.HttpClient.Builder jdkClient() {
    return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    checkEgress(request);
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      return streaming.execute(request);
    }
    URI url = URI.create(request.url());
    java.net.http.HttpRequest.Builder jdkRequest = java.net.http.HttpRequest.newBuilder(url).timeout(readTimeout);
    request.headers().forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> jdkRequest.header(name, value));
      }
    });
    jdkRequest.method(request.method().name(), request.body() == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    Span span = HttpRequestSpans.start(request.method().name(), url, endpointId);
    HttpRequestSpans.inject(span, jdkRequest);
    try {
      HttpResponse<String> response = jdk.send(jdkRequest.build(), BodyHandlers.ofString());
      int status = response.statusCode();
      HttpRequestSpans.responded(span, status);
      if (status < 200 || status >= 300) {
        Duration retryAfter = response.headers().firstValue("Retry-After")
            .flatMap(value -> RetryAfter.parse(value, clock)).orElse(null);
        throw new StatusHttpException(status, response.body(), retryAfter);
      }
      return SuccessfulHttpResponse.builder()
          .statusCode(status)
          .headers(response.headers().map())
          .body(response.body())
          .build();
    } catch (HttpTimeoutException e) {
      HttpRequestSpans.failed(span, e);
      // a connect timeout is an HttpConnectTimeoutException (a subclass): keep it as the cause so it can be told apart
      throw new TimeoutException(e);
    } catch (IOException e) {
      HttpRequestSpans.failed(span, e);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      HttpRequestSpans.failed(span, e);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + request.url(), e);
    } finally {
      span.end();
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    checkEgress(request);
    streaming.execute(request, parser, listener);
  }

  /**
   * Before every request, not only at start: the base URL was checked then, but a name's addresses can change
   * since, and the JDK client follows no redirects, so the request's own host is the only one it connects to.
   */
  private void checkEgress(HttpRequest request) {
    egress.beforeConnect("model endpoint '" + endpointId + "'", URI.create(request.url()));
  }
}

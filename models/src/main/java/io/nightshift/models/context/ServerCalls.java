package io.nightshift.models.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import io.nightshift.core.egress.EgressRefusedException;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.net.URI;
import java.util.Objects;

/**
 * JSON requests to one endpoint's server beside its chat calls, through the client the registry gives for that
 * endpoint (its egress checks and timeouts). The URLs come from the endpoint's configured base URL only, never from
 * a task. No failure escapes as an exception: each comes back as an {@link Answer} saying what went wrong, since a
 * server that does not know a route is a normal answer here, not an error.
 */
final class ServerCalls {
  static final ObjectMapper JSON = new ObjectMapper();

  /** How far a request got. */
  enum Reach {
    /** The server answered with a status, whatever it was: it is up, and the same route will answer the same. */
    ANSWERED,
    /**
     * Not sent: the egress policy refused it (its allow-list changes only with a restart), or it could not be
     * written.
     */
    REFUSED,
    /** A timeout or a failed connection: the server may be down or still starting. */
    UNREACHABLE
  }

  /**
   * A JSON body, or why there is none ({@code "GET /props: HTTP 404"}, {@code "POST /tokenize: timed out"}).
   *
   * @param errorBody what the server said with an error status ("" otherwise): some refusals carry a number
   */
  record Answer(JsonNode body, String failure, Reach reach, String errorBody) {
    static Answer of(JsonNode body) {
      return new Answer(body, null, Reach.ANSWERED, "");
    }

    static Answer failed(String failure, Reach reach) {
      return new Answer(null, failure, reach, "");
    }

    boolean ok() {
      return body != null;
    }
  }

  private final HttpClient http;
  private final String base;
  private final String root;
  private final String apiKey;

  ServerCalls(HttpClient http, ModelEndpointConfig config) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = stripSlash(config.baseUrl().toString());
    this.root = serverRoot(base);
    this.apiKey = config.apiKey().orElse(null);
  }

  /**
   * OpenAI-compatible base URLs end in {@code /v1}, as LangChain4j expects; the servers' own routes ({@code /props},
   * {@code /tokenize}, {@code /extras/...}) are beside it, at the server's root.
   */
  static String serverRoot(String baseUrl) {
    String base = stripSlash(baseUrl);
    return base.endsWith("/v1") ? base.substring(0, base.length() - "/v1".length()) : base;
  }

  /** A route under the configured base URL, where {@code /models} is. */
  String atBase(String path) {
    return base + path;
  }

  /** A route at the server's root, where {@code /props}, {@code /tokenize} and {@code /extras/...} are. */
  String atRoot(String path) {
    return root + path;
  }

  Answer get(String url) {
    return send(HttpRequest.builder().method(HttpMethod.GET).url(url));
  }

  Answer post(String url, JsonNode body) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      return Answer.failed("cannot write the request: " + e.getOriginalMessage(), Reach.REFUSED);
    }
    return send(HttpRequest.builder().method(HttpMethod.POST).url(url)
        .addHeader("Content-Type", "application/json").body(json));
  }

  private Answer send(HttpRequest.Builder request) {
    if (apiKey != null) {
      // vLLM with --api-key guards /v1 only, but sending the key everywhere costs nothing and suits proxies
      request.addHeader("Authorization", "Bearer " + apiKey);
    }
    HttpRequest built = request.build();
    String route = built.method() + " " + URI.create(built.url()).getPath();
    String body;
    try {
      body = http.execute(built).body();
    } catch (HttpException e) {
      return new Answer(null, route + ": HTTP " + e.statusCode(), Reach.ANSWERED,
          e.getMessage() == null ? "" : e.getMessage());
    } catch (TimeoutException e) {
      return Answer.failed(route + ": timed out", Reach.UNREACHABLE);
    } catch (EgressRefusedException e) {
      return Answer.failed(route + ": refused by the egress policy (" + e.getMessage() + ")", Reach.REFUSED);
    } catch (RuntimeException e) {
      return Answer.failed(route + ": " + rootMessage(e), Reach.UNREACHABLE);
    }
    try {
      return Answer.of(JSON.readTree(body == null ? "" : body));
    } catch (JsonProcessingException | RuntimeException e) {
      return Answer.failed(route + ": the answer is not JSON", Reach.ANSWERED);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

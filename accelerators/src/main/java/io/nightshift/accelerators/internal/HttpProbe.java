package io.nightshift.accelerators.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Short requests to local model servers (health, metrics, a first answer). Failures are values, not exceptions. */
public final class HttpProbe {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

  private HttpProbe() {}

  /** @param status HTTP status, or -1 when no response came; {@code error} says why */
  public record Response(int status, String body, String error) {
    public boolean ok() {
      return status == 200;
    }
  }

  public static Response get(URI uri, Duration timeout) {
    return send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
  }

  /** POSTs a JSON body. */
  public static Response post(URI uri, String json, Duration timeout) {
    return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), "");
    } catch (IOException e) {
      return new Response(-1, "", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "", "interrupted");
    }
  }
}

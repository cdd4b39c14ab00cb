package io.nightshift.api.codec;

import com.sun.net.httpserver.Headers;
import java.util.Set;

/**
 * Which web pages may call the codec server from a browser: only those of the origins the operator named
 * ({@code --codec-cors-origin}), such as Temporal's Web UI. Their preflight is answered with the headers the Web UI
 * sends (its token in {@code Authorization}, JSON, {@code X-Namespace}) and with credentials allowed, which the Web
 * UI's "include cross-origin credentials" setting needs. Any other origin gets no CORS header at all, so its page
 * cannot read an answer; and the server refuses its requests outright, so it does no work for them.
 *
 * <p>A request without {@code Origin} (the {@code temporal} CLI, curl) is not a browser's cross-origin call: CORS
 * does not apply to it, and the bearer token alone decides.
 */
final class CodecCors {
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Namespace";
  /** How long a browser may keep a preflight's answer: the Web UI decodes each event's payloads in a call. */
  static final String MAX_AGE_SECONDS = "600";

  private final Set<String> origins;

  CodecCors(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /** Whether a request with this {@code Origin} header (null: none) may be served. */
  boolean allows(String origin) {
    return origin == null || origins.contains(origin);
  }

  /** Adds the headers that let a page of {@code origin} read the answer, when it is an allowed origin. */
  void allowReading(String origin, Headers response) {
    response.add("Vary", "Origin");
    if (origin != null && origins.contains(origin)) {
      response.set("Access-Control-Allow-Origin", origin);
      response.set("Access-Control-Allow-Credentials", "true");
    }
  }

  /** Adds the preflight's grant for an allowed origin; the caller answers 204 then, and 403 otherwise. */
  boolean grantPreflight(String origin, Headers response) {
    response.add("Vary", "Origin");
    if (origin == null || !origins.contains(origin)) {
      return false;
    }
    response.set("Access-Control-Allow-Origin", origin);
    response.set("Access-Control-Allow-Credentials", "true");
    response.set("Access-Control-Allow-Methods", "POST, OPTIONS");
    response.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    response.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
    return true;
  }

  /** The origins allowed, for messages. */
  Set<String> origins() {
    return origins;
  }
}

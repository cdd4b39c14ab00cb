package io.nightshift.api.ui.session;

import java.util.List;
import java.util.Optional;

/**
 * The session cookie: only a random session id, {@code HttpOnly} (no script, not even an injected one, reads it),
 * {@code SameSite=Strict} (no other site's page or link sends it), {@code Path=/}, and {@code Secure} when the UI
 * is served over HTTPS. No {@code Max-Age}: it goes when the browser closes, and the server ends it sooner
 * ({@link SessionStore}). Cookies are kept per host, not per port, so the name carries the port: two runtimes'
 * UIs on one machine do not log each other out.
 */
public final class SessionCookie {
  private final String name;

  public SessionCookie(int port) {
    this.name = "nightshift-ui-" + port;
  }

  public String name() {
    return name;
  }

  /** The {@code Set-Cookie} value that hands the browser session {@code id}. */
  public String set(String id, boolean https) {
    return name + "=" + id + attributes(https);
  }

  /** The {@code Set-Cookie} value that makes the browser drop it (logout). */
  public String clear(boolean https) {
    return name + "=; Max-Age=0" + attributes(https);
  }

  private static String attributes(boolean https) {
    return "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
  }

  /** The session id from a request's {@code Cookie} headers; empty when it sends none. */
  public Optional<String> read(List<String> cookieHeaders) {
    if (cookieHeaders == null) {
      return Optional.empty();
    }
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          String value = pair.substring(eq + 1).strip();
          if (!value.isEmpty()) {
            return Optional.of(value);
          }
        }
      }
    }
    return Optional.empty();
  }
}

package io.nightshift.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether and how the payload codec is served over HTTP with Temporal's codec-server protocol, so that Temporal's
 * Web UI and CLI can show an admin the payloads this runtime sealed. Off unless a port is given.
 *
 * @param port        {@code --codec-port}: where it listens, on the API's host; 0 for off
 * @param corsOrigins {@code --codec-cors-origin}: the web origins (scheme://host[:port]) whose pages may call it,
 *                    as a browser writes them in {@code Origin}: lower case, no default port, no path
 */
public record CodecServing(int port, Set<String> corsOrigins) {
  public static final String PORT_FLAG = "--codec-port";
  public static final String CORS_FLAG = "--codec-cors-origin";

  public CodecServing {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(PORT_FLAG + " must be a port between 1 and 65535, or 0 for none; was "
          + port);
    }
    corsOrigins = Set.copyOf(corsOrigins);
    if (port == 0 && !corsOrigins.isEmpty()) {
      throw new IllegalArgumentException(CORS_FLAG + " needs " + PORT_FLAG + ": there is no codec server to call");
    }
  }

  public static CodecServing off() {
    return new CodecServing(0, Set.of());
  }

  /** The flags' values, each origin read once here so a bad one fails the start naming the flag. */
  public static CodecServing of(int port, List<String> origins) {
    Set<String> parsed = new LinkedHashSet<>();
    for (String origin : origins) {
      parsed.add(origin(origin));
    }
    return new CodecServing(port, parsed);
  }

  public boolean on() {
    return port != 0;
  }

  /** An origin in the form a browser sends it: {@code http://127.0.0.1:8233}, {@code https://ui.site}. */
  static String origin(String given) {
    String problem = CORS_FLAG + " '" + given + "' must be an origin, scheme://host[:port] (e.g."
        + " http://127.0.0.1:8233)";
    URI uri;
    try {
      uri = new URI(given.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem + ": " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
        || !(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(problem);
    }
    int defaultPort = scheme.equals("https") ? 443 : 80;
    String port = uri.getPort() < 0 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
  }
}

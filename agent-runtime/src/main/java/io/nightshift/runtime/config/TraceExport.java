package io.nightshift.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where this process sends its traces: an OpenTelemetry collector's OTLP/HTTP endpoint, or nowhere (the default:
 * no SDK is installed and every span is OpenTelemetry's no-op).
 *
 * @param otlpEndpoint {@code --otlp-endpoint}: the collector's base URL, as {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 *                     takes it ({@code http://collector:4318}); spans go to its {@code v1/traces}
 */
public record TraceExport(Optional<URI> otlpEndpoint) {
  public static final String ENDPOINT_FLAG = "--otlp-endpoint";

  public TraceExport {
    otlpEndpoint.ifPresent(url -> checked(url.toString()));
  }

  public static TraceExport off() {
    return new TraceExport(Optional.empty());
  }

  /** The flag's value, read once here: blank is off; anything else must be an http(s) base URL. */
  public static TraceExport of(String given) {
    if (given == null || given.isBlank()) {
      return off();
    }
    return new TraceExport(Optional.of(checked(given.strip())));
  }

  public boolean on() {
    return otlpEndpoint.isPresent();
  }

  /**
   * The URL spans are posted to: the base URL with {@code v1/traces} appended, as the OTLP exporter specification
   * says for {@code OTEL_EXPORTER_OTLP_ENDPOINT} (so a path prefix behind a proxy is kept).
   */
  public Optional<URI> tracesUrl() {
    return otlpEndpoint.map(base -> {
      String text = base.toString();
      return URI.create(text + (text.endsWith("/") ? "" : "/") + "v1/traces");
    });
  }

  private static URI checked(String given) {
    String problem = ENDPOINT_FLAG + " '" + given + "' must be a collector's OTLP/HTTP base URL, http(s)://host[:port]"
        + "[/path] (e.g. http://127.0.0.1:4318)";
    URI uri;
    try {
      uri = new URI(given);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem + ": " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(problem);
    }
    return uri;
  }
}

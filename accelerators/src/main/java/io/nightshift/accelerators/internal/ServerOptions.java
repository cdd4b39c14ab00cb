package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.PriceRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What every process-launching backend is configured with, validated by the backend's own config builder.
 *
 * @param host            interface model servers bind to and are probed on
 * @param logDirectory    where each server's stdout/stderr goes
 * @param startupTimeout  default wait for a server's health check
 * @param pollInterval    pause between health probes during start-up
 * @param templates       launch templates by name; {@code defaultTemplate} must be one of them
 */
public record ServerOptions(
    String id, PriceRate price, String host, Path logDirectory, Duration startupTimeout, Duration pollInterval,
    Map<String, LaunchTemplate> templates, String defaultTemplate) {
  public ServerOptions {
    Checks.notBlank("id", id);
    Objects.requireNonNull(price, "price");
    Checks.notBlank("host", host);
    Objects.requireNonNull(logDirectory, "logDirectory");
    Checks.positive("startupTimeout", startupTimeout);
    Checks.positive("pollInterval", pollInterval);
    templates = Map.copyOf(templates);
    if (!templates.containsKey(defaultTemplate)) {
      throw new IllegalArgumentException("defaultTemplate must be one of " + templates.keySet() + ", was "
          + defaultTemplate);
    }
  }
}

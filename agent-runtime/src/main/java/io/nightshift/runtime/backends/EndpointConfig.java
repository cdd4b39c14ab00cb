package io.nightshift.runtime.backends;

import java.net.URI;
import java.util.Objects;

/**
 * A model server an operator already runs on a pool's hardware; the runtime attaches to it (never stops it) and
 * reports its health and load.
 *
 * @param model   model it serves, as its API names it
 * @param baseUrl OpenAI-compatible base URL ({@code http://10.0.0.5:8000})
 */
public record EndpointConfig(String model, URI baseUrl) {
  public EndpointConfig {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseUrl, "baseUrl");
  }
}

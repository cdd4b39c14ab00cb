package io.nightshift.models.endpoint;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Objects;

/**
 * A configured endpoint ready to call: its configuration, the LangChain4j chat model that speaks its protocol, and
 * its own circuit breaker, bulkhead and rate limiter. Calling {@link #chatModel()} directly bypasses the protection
 * and the error classification; use {@link io.nightshift.models.ModelCall} unless you need the raw model.
 */
public record ModelEndpoint(ModelEndpointConfig config, ChatModel chatModel, EndpointResilience resilience) {
  public ModelEndpoint {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(chatModel, "chatModel");
    Objects.requireNonNull(resilience, "resilience");
  }

  public String id() {
    return config.id();
  }
}

package io.nightshift.models.endpoint;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.models.internal.EndpointHttpClientBuilder;
import java.time.Clock;

/** Turns an endpoint's configuration into the LangChain4j chat model for its provider. */
final class ChatModelFactory {
  /** OpenAI-compatible local servers ignore the key, but LangChain4j's client insists on sending one. */
  static final String NO_API_KEY = "not-needed";

  private ChatModelFactory() {}

  static ChatModel create(ModelEndpointConfig config, Clock clock, EgressPolicy egress) {
    EndpointHttpClientBuilder http = new EndpointHttpClientBuilder(config.connectTimeout(), config.requestTimeout(),
        clock, egress, config.id());
    String baseUrl = config.baseUrl().toString();
    return switch (config.provider()) {
      case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
          .httpClientBuilder(http)
          .baseUrl(baseUrl)
          .apiKey(config.apiKey().orElse(NO_API_KEY))
          .modelName(config.modelName())
          .timeout(config.requestTimeout())
          // the durable engine owns retrying (with backoff that survives restarts): never retry in here
          .maxRetries(0)
          // llama.cpp, vLLM and NIM enforce json_schema as a grammar; strict mode only adds OpenAI's extra checks
          .strictJsonSchema(false)
          .build();
      case OLLAMA -> OllamaChatModel.builder()
          .httpClientBuilder(http)
          .baseUrl(baseUrl)
          .modelName(config.modelName())
          .timeout(config.requestTimeout())
          .maxRetries(0)
          .build();
    };
  }
}

package io.nightshift.models.context;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds out which server an endpoint is and the context window it reports, by asking what only that server
 * answers: llama.cpp's {@code GET /props} (with {@code n_ctx}), vLLM's {@code GET /v1/models} (with
 * {@code max_model_len}), then llama-cpp-python's {@code POST /extras/tokenize/count}. Three short requests at most,
 * made once per endpoint and cached by {@link ServerPromptMeter}; a probe that gets no answer at all (a timeout, a
 * refused connection or egress) ends the probing, since the next would fare no better and only add its timeout.
 */
final class WindowProbe {
  private WindowProbe() {}

  static ServerFacts probe(ServerCalls calls, ModelEndpointConfig config) {
    if (config.provider() == Provider.OLLAMA) {
      // Ollama's API has no tokenizer route, and /api/show gives the model's trained length, not the num_ctx it runs
      return new ServerFacts(ServerProtocol.UNKNOWN, OptionalInt.empty(),
          List.of("nothing (provider OLLAMA reports neither a window nor a tokenizer)"), true);
    }
    List<String> tried = new ArrayList<>();

    ServerCalls.Answer props = calls.get(calls.atRoot("/props"));
    OptionalInt nCtx = props.ok() ? llamaCppWindow(props.body()) : OptionalInt.empty();
    if (nCtx.isPresent()) {
      return new ServerFacts(ServerProtocol.LLAMA_CPP, nCtx, tried, true);
    }
    tried.add(props.ok() ? "GET /props: no n_ctx" : props.failure());
    if (props.reach() != ServerCalls.Reach.ANSWERED) {
      return unknown(tried, props);
    }

    ServerCalls.Answer models = calls.get(calls.atBase("/models"));
    OptionalInt maxModelLen = models.ok() ? vllmWindow(models.body(), config.modelName()) : OptionalInt.empty();
    if (maxModelLen.isPresent()) {
      return new ServerFacts(ServerProtocol.VLLM, maxModelLen, tried, true);
    }
    tried.add(models.ok() ? "GET /models: no max_model_len" : models.failure());
    if (models.reach() != ServerCalls.Reach.ANSWERED) {
      return unknown(tried, models);
    }

    ServerCalls.Answer count = calls.post(calls.atRoot("/extras/tokenize/count"),
        ServerCalls.JSON.createObjectNode().put("input", "").put("model", config.modelName()));
    if (count.ok() && count.body().path("count").isIntegralNumber()) {
      return new ServerFacts(ServerProtocol.LLAMA_CPP_PYTHON, OptionalInt.empty(), tried, true);
    }
    tried.add(count.ok() ? "POST /extras/tokenize/count: no count" : count.failure());
    return unknown(tried, count);
  }

  private static ServerFacts unknown(List<String> tried, ServerCalls.Answer last) {
    return new ServerFacts(ServerProtocol.UNKNOWN, OptionalInt.empty(), tried,
        last.reach() != ServerCalls.Reach.UNREACHABLE);
  }

  /**
   * {@code default_generation_settings.n_ctx} in current llama.cpp: the context of one slot, which is what one
   * request gets (the whole context divided by {@code --parallel}); some older builds put {@code n_ctx} at the top.
   */
  static OptionalInt llamaCppWindow(JsonNode props) {
    JsonNode slot = props.path("default_generation_settings").path("n_ctx");
    if (positive(slot)) {
      return OptionalInt.of(slot.asInt());
    }
    JsonNode top = props.path("n_ctx");
    return positive(top) ? OptionalInt.of(top.asInt()) : OptionalInt.empty();
  }

  /**
   * The entry of {@code data[]} whose {@code id} is the endpoint's model; when none is (a served name the operator
   * spelled differently), the value all entries agree on, since LoRA adapters list their base model's length.
   */
  static OptionalInt vllmWindow(JsonNode models, String modelName) {
    Integer agreed = null;
    boolean disagree = false;
    for (JsonNode model : models.path("data")) {
      JsonNode length = model.path("max_model_len");
      if (!positive(length)) {
        continue;
      }
      if (modelName.equals(model.path("id").asText())) {
        return OptionalInt.of(length.asInt());
      }
      disagree |= agreed != null && agreed != length.asInt();
      agreed = agreed == null ? length.asInt() : agreed;
    }
    return agreed == null || disagree ? OptionalInt.empty() : OptionalInt.of(agreed);
  }

  private static boolean positive(JsonNode number) {
    return number.isIntegralNumber() && number.asLong() > 0 && number.asLong() <= Integer.MAX_VALUE;
  }
}

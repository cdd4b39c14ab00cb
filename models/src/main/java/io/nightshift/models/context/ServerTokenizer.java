package io.nightshift.models.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightshift.models.ModelCallRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a request's prompt tokens with the server's own tokenizer, the way each server can:
 * vLLM renders the messages and tools with the model's chat template and counts them in one call;
 * llama.cpp renders them with {@code /apply-template} and counts the prompt with {@code /tokenize} (or, on a build
 * without that route, counts the {@link PlainPrompt} and adds its stated overhead); llama-cpp-python counts the
 * {@link PlainPrompt}, and the overhead is added.
 */
final class ServerTokenizer {
  /** A count, or why there is none. */
  record Count(int tokens, String failure) {
    static Count of(int tokens) {
      return new Count(tokens, null);
    }

    static Count failed(String failure) {
      return new Count(-1, failure);
    }

    boolean ok() {
      return failure == null;
    }
  }

  /**
   * vLLM's refusal of a prompt over {@code max_model_len}: "This model's maximum context length is 4096 tokens.
   * However, your request has 5000 input tokens" (or, in older versions, "However, you requested 5000 tokens").
   */
  private static final Pattern VLLM_TOO_LONG = Pattern.compile(
      "maximum context length is \\d+ tokens\\. However, (?:your request has|you requested) (\\d{1,9})"
          + " (?:input )?tokens");

  private ServerTokenizer() {}

  static Count count(ServerProtocol protocol, ServerCalls calls, String modelName, ModelCallRequest request) {
    return switch (protocol) {
      case VLLM -> vllm(calls, modelName, request);
      case LLAMA_CPP -> llamaCpp(calls, request);
      case LLAMA_CPP_PYTHON -> llamaCppPython(calls, modelName, request);
      case UNKNOWN -> Count.failed("the server has no tokenizer we know");
    };
  }

  private static Count vllm(ServerCalls calls, String modelName, ModelCallRequest request) {
    ObjectNode body = ServerCalls.JSON.createObjectNode().put("model", modelName);
    body.set("messages", OpenAiWire.messages(request.messages()));
    if (!request.tools().isEmpty()) {
      body.set("tools", OpenAiWire.tools(request.tools()));
    }
    // the prompt the chat call sends ends with the assistant's header: count it too
    body.put("add_generation_prompt", true);
    ServerCalls.Answer answer = calls.post(calls.atRoot("/tokenize"), body);
    if (answer.ok()) {
      return countField(answer.body(), "POST /tokenize");
    }
    // current vLLM refuses to tokenize past max_model_len, and says how long the prompt is: exactly what is needed
    Matcher tooLong = VLLM_TOO_LONG.matcher(answer.errorBody());
    return tooLong.find() ? Count.of(Integer.parseInt(tooLong.group(1))) : Count.failed(answer.failure());
  }

  private static Count llamaCpp(ServerCalls calls, ModelCallRequest request) {
    ObjectNode template = ServerCalls.JSON.createObjectNode();
    template.set("messages", OpenAiWire.messages(request.messages()));
    if (!request.tools().isEmpty()) {
      template.set("tools", OpenAiWire.tools(request.tools()));
    }
    ServerCalls.Answer rendered = calls.post(calls.atRoot("/apply-template"), template);
    if (rendered.ok() && rendered.body().path("prompt").isTextual()) {
      // as the chat route does: BOS added, the template's special tokens read as such
      return tokens(calls, rendered.body().path("prompt").asText(), true, 0);
    }
    PlainPrompt plain = PlainPrompt.of(request);
    return tokens(calls, plain.text(), false, plain.overheadTokens());
  }

  private static Count tokens(ServerCalls calls, String content, boolean templated, int overhead) {
    ObjectNode body = ServerCalls.JSON.createObjectNode().put("content", content)
        .put("add_special", templated).put("parse_special", templated);
    ServerCalls.Answer answer = calls.post(calls.atRoot("/tokenize"), body);
    if (!answer.ok()) {
      return Count.failed(answer.failure());
    }
    JsonNode tokens = answer.body().path("tokens");
    return tokens.isArray() ? Count.of(tokens.size() + overhead)
        : Count.failed("POST /tokenize: no tokens in the answer");
  }

  private static Count llamaCppPython(ServerCalls calls, String modelName, ModelCallRequest request) {
    PlainPrompt plain = PlainPrompt.of(request);
    ObjectNode body = ServerCalls.JSON.createObjectNode().put("input", plain.text()).put("model", modelName);
    ServerCalls.Answer answer = calls.post(calls.atRoot("/extras/tokenize/count"), body);
    if (!answer.ok()) {
      return Count.failed(answer.failure());
    }
    Count count = countField(answer.body(), "POST /extras/tokenize/count");
    return count.ok() ? Count.of(count.tokens() + plain.overheadTokens()) : count;
  }

  private static Count countField(JsonNode body, String route) {
    JsonNode count = body.path("count");
    return count.isIntegralNumber() && count.asInt() >= 0 ? Count.of(count.asInt())
        : Count.failed(route + ": no count in the answer");
  }
}

package io.nightshift.models.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routes real model servers have beside the chat API, on a {@link ScriptedOpenAiServer}, with each server's
 * request and answer shapes and a tokenizer of whitespace-separated words (a chat template's markers are one token
 * each). The routes the other servers have answer 404, as they do on the real ones. Every count answered is
 * recorded, so a test can tell the meter's number came from the server.
 */
final class ServerRoutes {
  final List<Integer> counted = new CopyOnWriteArrayList<>();
  private final ScriptedOpenAiServer server;

  ServerRoutes(ScriptedOpenAiServer server) {
    this.server = server;
  }

  static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  /** vLLM: the window in /v1/models, and /tokenize applying a ChatML-like template to messages and tools. */
  ServerRoutes vllm(String model, int maxModelLen) {
    server.route("GET", "/v1/models", r -> json(ServerCalls.JSON.createObjectNode().put("object", "list")
        .set("data", ServerCalls.JSON.createArrayNode().add(ServerCalls.JSON.createObjectNode()
            .put("id", model).put("object", "model").put("max_model_len", maxModelLen)))));
    server.route("POST", "/tokenize", r -> {
      int count = words(chatTemplate(r.json().path("messages"), r.json().path("tools")))
          + (r.json().path("add_generation_prompt").asBoolean(true) ? 2 : 0);
      counted.add(count);
      return json(ServerCalls.JSON.createObjectNode().put("count", count).put("max_model_len", maxModelLen));
    });
    return notFound("GET /props", "POST /apply-template", "POST /extras/tokenize/count");
  }

  /** llama.cpp's server: the slot's window in /props, /apply-template (unless an old build) and /tokenize. */
  ServerRoutes llamaCpp(int slotContext, boolean hasApplyTemplate) {
    server.route("GET", "/props", r -> json(ServerCalls.JSON.createObjectNode().put("total_slots", 1)
        .set("default_generation_settings", ServerCalls.JSON.createObjectNode().put("n_ctx", slotContext))));
    if (hasApplyTemplate) {
      server.route("POST", "/apply-template", r -> json(ServerCalls.JSON.createObjectNode()
          .put("prompt", chatTemplate(r.json().path("messages"), r.json().path("tools")) + " <assistant>")));
    } else {
      notFound("POST /apply-template");
    }
    server.route("POST", "/tokenize", r -> {
      int count = words(r.json().path("content").asText()) + (r.json().path("add_special").asBoolean() ? 1 : 0);
      counted.add(count);
      ArrayNode tokens = ServerCalls.JSON.createArrayNode();
      for (int i = 0; i < count; i++) {
        tokens.add(i);
      }
      return json(ServerCalls.JSON.createObjectNode().set("tokens", tokens));
    });
    return notFound("POST /extras/tokenize/count");
  }

  /** llama-cpp-python: no window anywhere, plain text counted by /extras/tokenize/count. */
  ServerRoutes llamaCppPython() {
    server.route("POST", "/extras/tokenize/count", r -> {
      int count = words(r.json().path("input").asText());
      counted.add(count);
      return json(ServerCalls.JSON.createObjectNode().put("count", count));
    });
    return notFound("GET /props", "POST /tokenize", "POST /apply-template");
  }

  /** A plain OpenAI-compatible server: none of the routes. */
  ServerRoutes none() {
    return notFound("GET /props", "POST /tokenize", "POST /apply-template", "POST /extras/tokenize/count");
  }

  ServerRoutes notFound(String... routes) {
    for (String route : routes) {
      String[] parts = route.split(" ");
      server.route(parts[0], parts[1], r -> ScriptedReply.status(404, "Not Found"));
    }
    return this;
  }

  List<RecordedRequest> requestsTo(String path) {
    return server.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  private static String chatTemplate(JsonNode messages, JsonNode tools) {
    StringBuilder prompt = new StringBuilder();
    for (JsonNode tool : tools) {
      prompt.append("<tool> ").append(tool.path("function").toString().replace(",", " ")).append(" </tool> ");
    }
    for (JsonNode message : messages) {
      prompt.append("<start> ").append(message.path("role").asText()).append(' ')
          .append(message.path("content").asText()).append(' ');
      for (JsonNode call : message.path("tool_calls")) {
        prompt.append(call.path("function").path("name").asText()).append(' ')
            .append(call.path("function").path("arguments").asText()).append(' ');
      }
      prompt.append("<end> ");
    }
    return prompt.toString();
  }

  private static ScriptedReply json(JsonNode body) {
    return new ScriptedReply.Raw(200, body.toString());
  }
}

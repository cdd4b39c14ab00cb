package io.nightshift.models.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An OpenAI-compatible server that answers from a script: real sockets on 127.0.0.1, so tests go through the real
 * LangChain4j client and HTTP stack. Cues ({@link #on}) are checked first, in order; then queued replies are used
 * once each ({@link #enqueue}); then the fallback ({@link #otherwise}, by default a 500 saying the script ran out).
 * Every request is recorded, and the highest number of requests in progress at once is tracked. Routes a real server
 * has beside the chat API (llama.cpp's {@code /props}, vLLM's {@code /tokenize}, ...) answer through {@link #route}.
 *
 * <p>Other modules can use it from this module's test-jar ({@code <type>test-jar</type>}).
 */
public final class ScriptedOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Cue(Predicate<RecordedRequest> when, ScriptedReply reply) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-openai");
    t.setDaemon(true);
    return t;
  });
  private final List<Cue> cues = new CopyOnWriteArrayList<>();
  private final Map<String, Function<RecordedRequest, ScriptedReply>> routes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<ScriptedReply> queue = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicInteger maxUnanswered = new AtomicInteger();
  private final AtomicInteger completionIds = new AtomicInteger();
  private volatile Semaphore slots;
  private volatile ScriptedReply fallback = ScriptedReply.status(500, "the scripted server has no reply left");
  private final String modelName;

  private ScriptedOpenAiServer(String modelName) throws IOException {
    this.modelName = modelName;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static ScriptedOpenAiServer start() {
    return start("scripted-model");
  }

  public static ScriptedOpenAiServer start(String modelName) {
    try {
      return new ScriptedOpenAiServer(modelName);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the scripted OpenAI server", e);
    }
  }

  /** The base URL LangChain4j's OpenAI client expects (with {@code /v1}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public ScriptedOpenAiServer enqueue(ScriptedReply... replies) {
    queue.addAll(List.of(replies));
    return this;
  }

  public ScriptedOpenAiServer on(Predicate<RecordedRequest> when, ScriptedReply reply) {
    cues.add(new Cue(when, reply));
    return this;
  }

  /**
   * Answers every {@code method path} request (the exact path) with what {@code answer} makes of it, before the chat
   * script and the model list, and without taking a slot: a server's own routes beside the chat API.
   */
  public ScriptedOpenAiServer route(String method, String path, Function<RecordedRequest, ScriptedReply> answer) {
    routes.put(method + " " + path, answer);
    return this;
  }

  /**
   * Serve at most {@code parallelSlots} chat requests at a time, queueing the rest, as a real server with that many
   * slots does (vLLM max-num-seqs, llama.cpp --parallel). With a {@link ScriptedReply#slow} reply this is an
   * endpoint of known capacity: parallelSlots / latency requests per second.
   */
  public ScriptedOpenAiServer withCapacity(int parallelSlots) {
    if (parallelSlots <= 0) {
      throw new IllegalArgumentException("parallelSlots must be greater than 0 but was " + parallelSlots);
    }
    this.slots = new Semaphore(parallelSlots, true);
    return this;
  }

  public ScriptedOpenAiServer otherwise(ScriptedReply reply) {
    this.fallback = reply;
    return this;
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public List<RecordedRequest> chatRequests() {
    return requests.stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
  }

  /** The most chat requests the server was working on at the same time (not counting those queued for a slot). */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  /** Chat requests received and not yet answered, whether served now or queued for a slot. */
  public int unansweredRequests() {
    return unanswered.get();
  }

  /** The most chat requests received and not yet answered at once, those queued for a slot included. */
  public int maxUnansweredRequests() {
    return maxUnanswered.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode json = body.isBlank() ? null : parse(body);
      RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), body, json);
      requests.add(request);
      Function<RecordedRequest, ScriptedReply> route = routes.get(request.method() + " " + request.path());
      if (route != null) {
        answer(exchange, route.apply(request));
        return;
      }
      if ("GET".equals(request.method()) && request.path().endsWith("/models")) {
        send(exchange, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + modelName + "\",\"object\":\"model\"}]}",
            Map.of());
        return;
      }
      if (!request.path().endsWith("/chat/completions")) {
        // what a real server says to a route it lacks: the runtime's probes (llama.cpp's /props, a tokenizer) must
        // find nothing here and fall back, not take a reply scripted for the conversation
        send(exchange, 404, "{\"error\":{\"message\":\"no route " + request.method() + " " + request.path()
            + "\",\"type\":\"not_found\"}}", Map.of());
        return;
      }
      maxUnanswered.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
      try {
        answerInTurn(exchange, request);
      } finally {
        unanswered.decrementAndGet();
      }
    }
  }

  /** Waits for a slot when the server has a capacity, then answers. */
  private void answerInTurn(HttpExchange exchange, RecordedRequest request) throws IOException {
    Semaphore capacity = slots;
    if (capacity != null) {
      try {
        capacity.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // the server is closing
      }
    }
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      answer(exchange, replyFor(request));
    } finally {
      inFlight.decrementAndGet();
      if (capacity != null) {
        capacity.release();
      }
    }
  }

  private ScriptedReply replyFor(RecordedRequest request) {
    for (Cue cue : cues) {
      if (cue.when().test(request)) {
        return cue.reply();
      }
    }
    ScriptedReply next = queue.pollFirst();
    return next != null ? next : fallback;
  }

  private void answer(HttpExchange exchange, ScriptedReply reply) throws IOException {
    // if/else rather than a pattern switch: this codebase targets Java 17, where that is still a preview
    if (reply instanceof ScriptedReply.Delayed d) {
      try {
        Thread.sleep(d.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // the server is closing
      }
      answer(exchange, d.then());
    } else if (reply instanceof ScriptedReply.Text t) {
      send(exchange, 200, completion(t.content(), List.of(), t.usage()), Map.of());
    } else if (reply instanceof ScriptedReply.ToolCalls c) {
      send(exchange, 200, completion(null, c.calls(), c.usage()), Map.of());
    } else if (reply instanceof ScriptedReply.Error e) {
      send(exchange, e.status(), e.body(), e.headers());
    } else if (reply instanceof ScriptedReply.Raw r) {
      send(exchange, r.status(), r.body(), Map.of());
    }
    // ScriptedReply.Drop: send nothing; closing the exchange without a status line drops the connection
  }

  private String completion(String content, List<ScriptedReply.ToolCall> calls, ScriptedReply.Usage usage) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-" + completionIds.incrementAndGet());
    root.put("object", "chat.completion");
    root.put("created", System.currentTimeMillis() / 1000);
    root.put("model", modelName);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (content != null) {
      message.put("content", content);
    } else {
      message.putNull("content");
    }
    if (!calls.isEmpty()) {
      ArrayNode toolCalls = message.putArray("tool_calls");
      for (ScriptedReply.ToolCall call : calls) {
        ObjectNode c = toolCalls.addObject();
        c.put("id", call.id());
        c.put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    choice.put("finish_reason", calls.isEmpty() ? "stop" : "tool_calls");
    if (usage != null) {
      root.putObject("usage")
          .put("prompt_tokens", usage.promptTokens())
          .put("completion_tokens", usage.completionTokens())
          .put("total_tokens", usage.promptTokens() + usage.completionTokens());
    }
    return root.toString();
  }

  private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** For assertions: every chat request's last message, in arrival order. */
  public List<String> lastMessages() {
    List<String> all = new ArrayList<>();
    chatRequests().forEach(r -> all.add(r.lastMessageContent()));
    return all;
  }
}

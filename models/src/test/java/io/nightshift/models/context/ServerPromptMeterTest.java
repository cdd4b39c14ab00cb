package io.nightshift.models.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.Provider;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meter against real HTTP servers that answer as vLLM, llama.cpp and llama-cpp-python do. */
class ServerPromptMeterTest {
  private static final String MODEL = "scripted-model";

  private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start(MODEL);
  private final ServerRoutes routes = new ServerRoutes(server);
  private final CountingFallback fallback = new CountingFallback();

  @AfterEach
  void stop() {
    server.close();
  }

  private static ModelCallRequest conversation() {
    ToolExecutionRequest call = ToolExecutionRequest.builder().id("c1").name("lookup")
        .arguments("{\"word\": \"ephemeral\"}").build();
    return ModelCallRequest.of(List.of(
            SystemMessage.from("You are a careful research agent."),
            UserMessage.from("Find what ephemeral means and keep a note."),
            AiMessage.from(call),
            ToolExecutionResultMessage.from(call, "lasting a very short time")))
        .withTools(List.of(ToolSpecification.builder().name("lookup").description("Looks a word up")
            .parameters(JsonObjectSchema.builder().addStringProperty("word").required("word").build()).build()));
  }

  private ServerPromptMeter meter(UnaryOperator<ModelEndpointConfig.Builder> endpoint) {
    return meter(endpoint, Clock.systemUTC());
  }

  private ServerPromptMeter meter(UnaryOperator<ModelEndpointConfig.Builder> endpoint, Clock clock) {
    ModelEndpointConfig config = endpoint.apply(ModelEndpointConfig.custom().id("local")
        .baseUrl(server.baseUrl()).modelName(MODEL)).build();
    return ServerPromptMeter.builder(ModelEndpointRegistry.of(List.of(config)), fallback).clock(clock).build();
  }

  @Test
  void shouldTakeVllmsMaxModelLenAndCountWithItsChatTemplateIncludingTheTools() {
    routes.vllm(MODEL, 32_768);
    ServerPromptMeter meter = meter(b -> b);

    int window = meter.contextWindow("local");
    int tokens = meter.promptTokens("local", conversation());

    assertThat(window).isEqualTo(32_768);
    assertThat(routes.counted).containsExactly(tokens);
    RecordedRequest count = routes.requestsTo("/tokenize").get(0);
    assertThat(count.model()).isEqualTo(MODEL);
    assertThat(count.json().path("messages")).hasSize(4);
    assertThat(count.json().path("messages").get(2).path("tool_calls").get(0).path("function").path("name")
        .asText()).isEqualTo("lookup");
    assertThat(count.json().path("messages").get(3).path("role").asText()).isEqualTo("tool");
    assertThat(count.toolNames()).containsExactly("lookup");
    assertThat(count.json().path("add_generation_prompt").asBoolean()).isTrue();
    assertThat(fallback.calls).hasValue(0);
  }

  @Test
  void shouldTakeThePromptLengthFromVllmsRefusalToTokenizePastMaxModelLen() {
    routes.vllm(MODEL, 4096);
    server.route("POST", "/tokenize", r -> ScriptedReply.status(400, "This model's maximum context length is 4096"
        + " tokens. However, your request has 5123 input tokens. Please reduce the length of the input messages."));
    ServerPromptMeter meter = meter(b -> b);

    assertThat(meter.promptTokens("local", conversation())).isEqualTo(5123);
    assertThat(meter.promptTokens("local", conversation())).as("not a failure: no pause").isEqualTo(5123);
    assertThat(routes.requestsTo("/tokenize")).hasSize(2);
    assertThat(fallback.calls).hasValue(0);
  }

  @Test
  void shouldTakeTheSlotWindowFromLlamaCppsPropsAndCountTheTemplatedPromptWithItsSpecialTokens() {
    routes.llamaCpp(4096, true);
    ServerPromptMeter meter = meter(b -> b);

    assertThat(meter.contextWindow("local")).isEqualTo(4096);
    int tokens = meter.promptTokens("local", conversation());

    RecordedRequest templated = routes.requestsTo("/apply-template").get(0);
    assertThat(templated.json().path("messages")).hasSize(4);
    assertThat(templated.toolNames()).containsExactly("lookup");
    RecordedRequest tokenized = routes.requestsTo("/tokenize").get(0);
    assertThat(tokenized.json().path("content").asText()).startsWith("<tool>").endsWith("<assistant>");
    assertThat(tokenized.json().path("add_special").asBoolean()).isTrue();
    assertThat(tokenized.json().path("parse_special").asBoolean()).isTrue();
    assertThat(routes.counted).containsExactly(tokens);
    assertThat(routes.requestsTo("/v1/models")).as("/props answered: nothing else probed").isEmpty();
    assertThat(fallback.calls).hasValue(0);
  }

  @Test
  void shouldCountThePlainPromptPlusTheStatedOverheadOnALlamaCppBuildWithoutApplyTemplate() {
    routes.llamaCpp(2048, false);
    ServerPromptMeter meter = meter(b -> b);

    int tokens = meter.promptTokens("local", conversation());

    RecordedRequest tokenized = routes.requestsTo("/tokenize").get(0);
    assertThat(tokenized.json().path("content").asText()).contains("Find what ephemeral means")
        .contains("lasting a very short time").contains("\"name\":\"lookup\"");
    assertThat(tokenized.json().path("add_special").asBoolean()).isFalse();
    assertThat(tokens).isEqualTo(routes.counted.get(0)
        + PlainPrompt.PER_REQUEST + 4 * PlainPrompt.PER_MESSAGE + PlainPrompt.TOOLS_PREAMBLE);
  }

  @Test
  void shouldCountWithLlamaCppPythonsTokenizerAndTakeTheWindowItWasStartedWithFromTheEndpoint() {
    routes.llamaCppPython();
    ServerPromptMeter started = meter(b -> b.contextWindow(2048));

    assertThat(started.contextWindow("local")).isEqualTo(2048);
    int tokens = started.promptTokens("local", ModelCallRequest.of(UserMessage.from("How many tokens is this?")));

    RecordedRequest counted = routes.requestsTo("/extras/tokenize/count").get(1);
    assertThat(counted.json().path("input").asText()).isEqualTo("user\nHow many tokens is this?");
    assertThat(counted.model()).isEqualTo(MODEL);
    assertThat(tokens).isEqualTo(routes.counted.get(1) + PlainPrompt.PER_REQUEST + PlainPrompt.PER_MESSAGE);
    assertThat(fallback.calls).hasValue(0);
  }

  @Test
  void shouldAskTheFallbackForTheWindowOfALlamaCppPythonServerNobodyStatedTheWindowOf() {
    routes.llamaCppPython();
    ServerPromptMeter meter = meter(b -> b);

    assertThat(meter.contextWindow("local")).isEqualTo(CountingFallback.WINDOW);
    assertThat(fallback.calls).hasValue(1);
  }

  @Test
  void shouldPreferTheConfiguredWindowOverTheServersWithoutAskingIt() {
    routes.vllm(MODEL, 32_768);
    ServerPromptMeter meter = meter(b -> b.contextWindow(8192));

    assertThat(meter.contextWindow("local")).isEqualTo(8192);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldFallBackForBothWhenTheServerHasNoneOfTheRoutesAndProbeItOnlyOnce() {
    routes.none();
    ServerPromptMeter meter = meter(b -> b);
    ModelCallRequest request = conversation();

    assertThat(meter.contextWindow("local")).isEqualTo(CountingFallback.WINDOW);
    assertThat(meter.promptTokens("local", request)).isEqualTo(CountingFallback.tokens(request));
    assertThat(meter.promptTokens("local", request)).isEqualTo(CountingFallback.tokens(request));

    assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
        .containsExactly("GET /props", "GET /v1/models", "POST /extras/tokenize/count");
    assertThat(fallback.calls).hasValue(3);
  }

  @Test
  void shouldFallBackWhenTheTokenizerFailsPauseCountingAndCountWithItAgainOnceItWorks() {
    routes.vllm(MODEL, 16_384);
    MovableClock clock = new MovableClock();
    ServerPromptMeter meter = meter(b -> b, clock);
    assertThat(meter.contextWindow("local")).isEqualTo(16_384);
    AtomicInteger failures = new AtomicInteger(2);
    server.route("POST", "/tokenize", r -> failures.getAndDecrement() > 0
        ? ScriptedReply.status(500, "tokenizer crashed")
        : new ScriptedReply.Raw(200, "{\"count\": 321, \"max_model_len\": 16384}"));
    ModelCallRequest request = conversation();

    assertThat(meter.promptTokens("local", request)).isEqualTo(CountingFallback.tokens(request));
    assertThat(meter.promptTokens("local", request)).as("paused: not asked")
        .isEqualTo(CountingFallback.tokens(request));
    assertThat(routes.requestsTo("/tokenize")).hasSize(1);
    clock.move(Duration.ofSeconds(31));
    assertThat(meter.promptTokens("local", request)).as("asked again, failed again")
        .isEqualTo(CountingFallback.tokens(request));
    clock.move(Duration.ofSeconds(31));
    assertThat(meter.promptTokens("local", request)).isEqualTo(321);
    assertThat(meter.promptTokens("local", request)).isEqualTo(321);
    assertThat(meter.contextWindow("local")).as("the protocol is kept through the failures").isEqualTo(16_384);
    assertThat(routes.requestsTo("/v1/models")).hasSize(1);
  }

  @Test
  void shouldFallBackWhenTheTokenizerIsSlowerThanTheCountTimeout() {
    routes.vllm(MODEL, 8192);
    server.route("POST", "/tokenize", r -> ScriptedReply.slow(Duration.ofSeconds(2),
        new ScriptedReply.Raw(200, "{\"count\": 5}")));
    ModelEndpointConfig config = ModelEndpointConfig.custom().id("local").baseUrl(server.baseUrl())
        .modelName(MODEL).build();
    ServerPromptMeter meter = ServerPromptMeter.builder(ModelEndpointRegistry.of(List.of(config)), fallback)
        .countTimeout(Duration.ofMillis(300)).build();
    ModelCallRequest request = conversation();

    long t0 = System.nanoTime();
    assertThat(meter.promptTokens("local", request)).isEqualTo(CountingFallback.tokens(request));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void shouldProbeAgainOnlyAfterTheCachedFactsExpire() {
    routes.vllm(MODEL, 4096);
    MovableClock clock = new MovableClock();
    ServerPromptMeter meter = meter(b -> b, clock);

    meter.contextWindow("local");
    clock.move(Duration.ofMinutes(9));
    meter.contextWindow("local");
    assertThat(routes.requestsTo("/v1/models")).hasSize(1);

    routes.vllm(MODEL, 8192);
    clock.move(Duration.ofMinutes(2));
    assertThat(meter.contextWindow("local")).as("the server restarted with a longer window").isEqualTo(8192);
    assertThat(routes.requestsTo("/v1/models")).hasSize(2);
  }

  @Test
  void shouldProbeAServerThatAnsweredNoProbeAgainAfterHalfAMinuteNotTenMinutes() {
    // a server still starting: it accepts connections and drops them, as uvicorn does before the app is up
    routes.none();
    for (String route : List.of("GET /props", "GET /v1/models", "POST /extras/tokenize/count")) {
      server.route(route.split(" ")[0], route.split(" ")[1], r -> ScriptedReply.dropConnection());
    }
    MovableClock clock = new MovableClock();
    ServerPromptMeter meter = meter(b -> b, clock);

    assertThat(meter.contextWindow("local")).isEqualTo(CountingFallback.WINDOW);
    // (the JDK client tries a GET once more on a dropped connection: both are /props)
    assertThat(server.requests()).as("no answer at all: the other probes would fare no better")
        .extracting(RecordedRequest::path).containsOnly("/props");
    routes.vllm(MODEL, 4096);
    clock.move(Duration.ofSeconds(20));
    assertThat(meter.contextWindow("local")).as("still within the retry delay").isEqualTo(CountingFallback.WINDOW);
    clock.move(Duration.ofSeconds(11));
    assertThat(meter.contextWindow("local")).isEqualTo(4096);
  }

  @Test
  void shouldNotProbeAHostTheEgressPolicyRefuses() {
    // TEST-NET-3 (RFC 5737): never routed; the policy refuses it before any connection is tried
    ModelEndpointConfig outside = ModelEndpointConfig.custom().id("remote").baseUrl("http://203.0.113.5:8000/v1")
        .modelName(MODEL).connectTimeout(Duration.ofMillis(300)).build();
    List<URI> refused = new CopyOnWriteArrayList<>();
    EgressPolicy egress = EgressPolicy.loopbackOnly().reportingTo((client, url, refusal) -> refused.add(url));
    ServerPromptMeter meter = ServerPromptMeter.of(ModelEndpointRegistry.of(List.of(outside), egress), fallback);
    ModelCallRequest request = conversation();

    long t0 = System.nanoTime();
    assertThat(meter.contextWindow("remote")).isEqualTo(CountingFallback.WINDOW);
    assertThat(meter.contextWindow("remote")).isEqualTo(CountingFallback.WINDOW);
    assertThat(meter.promptTokens("remote", request)).isEqualTo(CountingFallback.tokens(request));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused, not timed out")
        .isLessThan(Duration.ofMillis(300));
    assertThat(refused).as("the first refusal ends the probing; the facts are kept").hasSize(1);
  }

  @Test
  void shouldLeaveOllamaAndUnknownEndpointsToTheFallbackWithoutARequest() {
    ServerPromptMeter meter = meter(b -> b.provider(Provider.OLLAMA));
    ModelCallRequest request = conversation();

    assertThat(meter.contextWindow("local")).isEqualTo(CountingFallback.WINDOW);
    assertThat(meter.promptTokens("local", request)).isEqualTo(CountingFallback.tokens(request));
    assertThat(meter.contextWindow("nobody")).isEqualTo(CountingFallback.WINDOW);
    assertThat(server.requests()).isEmpty();
  }

  /** Stands for the estimate the runtime falls back on: its answers are told apart from any server's. */
  static final class CountingFallback implements PromptMeter {
    static final int WINDOW = 1234;
    final AtomicInteger calls = new AtomicInteger();

    static int tokens(ModelCallRequest request) {
      return 1000 * request.messages().size();
    }

    @Override
    public int contextWindow(String endpointId) {
      calls.incrementAndGet();
      return WINDOW;
    }

    @Override
    public int promptTokens(String endpointId, ModelCallRequest request) {
      calls.incrementAndGet();
      return tokens(request);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-05T12:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

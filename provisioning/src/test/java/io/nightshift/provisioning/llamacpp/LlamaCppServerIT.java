package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.ModelCallResult;
import io.nightshift.models.context.PromptMeter;
import io.nightshift.models.context.ServerPromptMeter;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.PriceBasis;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real thing: provisions llama-cpp-python and SmolLM2-135M-Instruct into the data directory (reused after the
 * first run; {@code -Dnightshift.dataDir} or NIGHTSHIFT_DATA_DIR moves it, NIGHTSHIFT_LLAMACPP_VENV names an
 * environment that already has the server), starts the server and talks to it through LangChain4j. Figures go to
 * target/llamacpp-measurements.txt and into models/README.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlamaCppServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> measurements = new ArrayList<>();

  private static LlamaCppServer server;
  private static ModelCall modelCall;

  @BeforeAll
  static void provisionAndStart() {
    LlamaCppProvisioner.Builder provisioner = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir());
    String existing = System.getenv("NIGHTSHIFT_LLAMACPP_VENV");
    if (existing != null && !existing.isBlank()) {
      provisioner.existingVenv(Path.of(existing));
    }
    long t0 = System.nanoTime();
    LlamaCppInstallation installation = provisioner.build().provision();
    measure("provision (reused when present)", Duration.ofNanos(System.nanoTime() - t0));
    long t1 = System.nanoTime();
    server = LlamaCppServer.builder(installation).contextSize(2048).threads(2)
        .logFile(Path.of("target", "llama-cpp-server.log").toAbsolutePath()).start();
    measure("server start until GET /v1/models answers", Duration.ofNanos(System.nanoTime() - t1));
    ModelEndpointConfig endpoint = ModelEndpointConfig.custom()
        .id("llama").baseUrl(server.baseUrl()).modelName(server.modelName()).maxConcurrency(1)
        .requestTimeout(Duration.ofMinutes(3))
        .structuredOutput(server.endpointConfig("llama").structuredOutput())
        .priceBasis(PriceBasis.per1k("0.001", "0.002")).build();
    modelCall = new ModelCall(ModelEndpointRegistry.of(List.of(endpoint)));
  }

  @AfterAll
  static void stopAndRecord() throws IOException {
    if (server != null) {
      server.close();
    }
    Path out = Path.of("target", "llamacpp-measurements.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, measurements);
  }

  private static void measure(String what, Object value) {
    String line = what + ": " + value;
    measurements.add(line);
    System.out.println("[llamacpp] " + line);
  }

  @Test
  @Order(1)
  void shouldAnswerAChatThroughLangChain4jWithUsageAndCost() {
    ModelCallResult result = modelCall.call("llama", ModelCallRequest.of(
            SystemMessage.from("You are a helpful assistant. Answer in one short sentence."),
            UserMessage.from("What is the capital of France?"))
        .withMaxOutputTokens(40).withTemperature(0));

    assertThat(result.text()).isNotBlank();
    assertThat(result.usage().reported()).isTrue();
    assertThat(result.usage().input()).isGreaterThan(10);
    assertThat(result.usage().output()).isBetween(1L, 40L);
    assertThat(result.cost()).isPositive();
    assertThat(result.modelName()).isEqualTo(LlamaCppProvisioner.MODEL_NAME);
    measure("first chat call (40 tokens max), latency", result.latency().toMillis() + " ms, answer: "
        + result.text().strip().replace('\n', ' '));
  }

  @Test
  @Order(2)
  void shouldFollowAJsonSchema() throws IOException {
    JsonSchema schema = JsonSchema.builder().name("City").rootElement(JsonObjectSchema.builder()
        .addStringProperty("city").addIntegerProperty("population_millions")
        .required("city", "population_millions").build()).build();

    ModelCallResult result = modelCall.call("llama", ModelCallRequest.of(
            UserMessage.from("Name the capital of France and its population in millions, as JSON."))
        .withResponseSchema(schema).withMaxOutputTokens(60).withTemperature(0));

    JsonNode answer = JSON.readTree(result.text());
    assertThat(answer.path("city").isTextual()).as(result.text()).isTrue();
    assertThat(answer.path("population_millions").isIntegralNumber()).as(result.text()).isTrue();
    measure("JSON-schema answer", result.text().strip() + " in " + result.latency().toMillis() + " ms");
  }

  @Test
  @Order(3)
  void shouldMeasureFirstTokenLatencyAndGenerationSpeed() {
    ModelCallRequest oneToken = ModelCallRequest.of(UserMessage.from("Say hello.")).withMaxOutputTokens(1)
        .withTemperature(0);
    ModelCallResult first = modelCall.call("llama", oneToken);
    ModelCallRequest longer = ModelCallRequest.of(UserMessage.from("Write a long story about a lighthouse keeper."))
        .withMaxOutputTokens(128).withTemperature(0);
    ModelCallResult story = modelCall.call("llama", longer);

    assertThat(first.usage().output()).isEqualTo(1);
    assertThat(story.usage().output()).isGreaterThan(16);
    // generation rate without the prompt: subtract the time to the first token
    double seconds = (story.latency().toMillis() - first.latency().toMillis()) / 1000.0;
    measure("time to first token (max_tokens=1, short prompt)", first.latency().toMillis() + " ms");
    measure("generation", story.usage().output() + " tokens in " + story.latency().toMillis() + " ms = "
        + String.format("%.1f", (story.usage().output() - 1) / Math.max(seconds, 0.001)) + " tokens/s");
  }

  @Test
  @Order(4)
  void shouldAskForAToolAndTakeItsResultBack() {
    ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("Weather for a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
    List<ChatMessage> conversation =
        new ArrayList<>(List.of(UserMessage.from("What is the weather in Oslo? Use the tool.")));

    // the tool is required by name, which the server enforces as a grammar: whether a 135M model would choose the
    // tool by itself depends on its exact tokens, which differ between CPU builds; the wire round trip does not
    ModelCallResult asked = modelCall.call("llama", ModelCallRequest.of(conversation).withTools(List.of(weather))
        .withRequiredTool("get_weather").withMaxOutputTokens(60).withTemperature(0));
    assertThat(asked.toolCalls()).as("text: %s", asked.text()).isNotEmpty();
    assertThat(asked.toolCalls().get(0).name()).isEqualTo("get_weather");
    assertThat(asked.toolCalls().get(0).arguments()).contains("\"city\"");
    conversation.add(asked.aiMessage());
    conversation.add(ToolExecutionResultMessage.from(asked.toolCalls().get(0), "Sunny, 12 degrees C"));

    // the server must accept the tool round trip; what a 135M model makes of it is not the point
    ModelCallResult after = modelCall.call("llama", ModelCallRequest.of(conversation).withTools(List.of(weather))
        .withMaxOutputTokens(40).withTemperature(0));
    measure("tool call", asked.toolCalls().get(0).name() + " " + asked.toolCalls().get(0).arguments() + " in "
        + asked.latency().toMillis() + " ms; after the result: "
        + (after.wantsTools() ? "asked again " + after.toolCalls().get(0).arguments() : after.text())
        + " in " + after.latency().toMillis() + " ms");
  }

  @Test
  @Order(5)
  void shouldCountPromptsWithTheServersTokenizerNeverBelowWhatTheServerCharges() {
    PromptMeter noFallback = new PromptMeter() {
      @Override
      public int contextWindow(String endpointId) {
        throw new AssertionError("the endpoint states the --n_ctx the server was started with");
      }

      @Override
      public int promptTokens(String endpointId, ModelCallRequest request) {
        throw new AssertionError("llama-cpp-python's /extras/tokenize/count should have counted it");
      }
    };
    PromptMeter meter = ServerPromptMeter.of(ModelEndpointRegistry.of(List.of(server.endpointConfig("llama"))),
        noFallback);
    ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("Weather for a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
    List<ModelCallRequest> prompts = List.of(
        ModelCallRequest.of(UserMessage.from("Say OK.")),
        ModelCallRequest.of(SystemMessage.from("You are a terse assistant."),
            UserMessage.from("Tell me about the weather in Paris in one long sentence, please.")),
        ModelCallRequest.of(SystemMessage.from("You answer with the tools you have."),
            UserMessage.from("What is the weather in Oslo?")).withTools(List.of(weather)));

    assertThat(meter.contextWindow("llama")).isEqualTo(2048);
    for (ModelCallRequest prompt : prompts) {
      long t0 = System.nanoTime();
      int counted = meter.promptTokens("llama", prompt);
      long countMs = (System.nanoTime() - t0) / 1_000_000;
      long charged = modelCall.call("llama", prompt.withMaxOutputTokens(1).withTemperature(0)).usage().input();
      measure("prompt tokens of " + prompt.messages().size() + " messages, " + prompt.tools().size() + " tools",
          "counted " + counted + " (in " + countMs + " ms), charged " + charged);
      // the stated template overhead is sized to stay above the template, not to match it
      assertThat(counted).isGreaterThanOrEqualTo((int) charged).isLessThanOrEqualTo((int) charged * 2 + 200);
    }
  }

  @Test
  @Order(6)
  void shouldEndAToolCallWhoseArgumentsWouldRunAwayWithinMaxTokens() throws Exception {
    // the schema's minLength makes the arguments run away for sure: the server's grammar lets the model close the
    // string only after 1,500 characters (~300 tokens), so only a cap at max_tokens can end the call at 32 (the
    // library's chatml-function-calling wrote them to 1,500+ characters, then the end of the window)
    String request = JSON.writeValueAsString(Map.of(
        "model", server.modelName(), "max_tokens", 32, "temperature", 0, "tool_choice", "auto",
        "messages", List.of(Map.of("role", "user",
            "content", "Call write_essay with a 2000-word essay on the history of bread.")),
        "tools", List.of(Map.of("type", "function", "function", Map.of(
            "name", "write_essay", "description", "Saves an essay",
            "parameters", Map.of("type", "object", "required", List.of("text"), "properties",
                Map.of("text", Map.of("type", "string", "minLength", 1500))))))));

    long t0 = System.nanoTime();
    JsonNode answer = JSON.readTree(post("/v1/chat/completions", request));
    long ms = (System.nanoTime() - t0) / 1_000_000;

    JsonNode choice = answer.path("choices").path(0);
    JsonNode call = choice.path("message").path("tool_calls").path(0).path("function");
    assertThat(call.path("name").asText()).as(answer.toString()).isEqualTo("write_essay");
    String arguments = call.path("arguments").asText();
    assertThat(arguments).containsPattern("^\\{\\s*\"text\"\\s*:\\s*\"");
    int argumentTokens = JSON.readTree(post("/extras/tokenize/count",
        JSON.writeValueAsString(Map.of("input", arguments)))).path("count").asInt();
    assertThat(argumentTokens).as(arguments).isBetween(1, 32);
    assertThat(answer.path("usage").path("completion_tokens").asInt()).isEqualTo(32);
    assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
    measure("tool call whose arguments would run away (minLength 1500), max_tokens 32", argumentTokens
        + " argument tokens, " + arguments.length() + " characters, finish_reason length, in " + ms + " ms");
  }

  /** Straight to the server (a path from its root), to send what LangChain4j's request types cannot say. */
  private static String post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build()
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  @Order(7)
  void shouldRefuseAPromptLongerThanTheContextAsNotRetryable() {
    String tooLong = "lighthouse ".repeat(4000);

    ModelCallException e = catchThrowableOfType(ModelCallException.class,
        () -> modelCall.call("llama", ModelCallRequest.of(UserMessage.from(tooLong)).withMaxOutputTokens(8)));

    measure("prompt over the context window", e.kind() + " / HTTP " + e.statusCode() + " / " + e.getMessage()
        .substring(0, Math.min(200, e.getMessage().length())));
    assertThat(e.kind()).isEqualTo(FailureKind.CONTEXT_LENGTH_EXCEEDED);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  @Order(8)
  void shouldFailRetryablyOnceTheServerIsGoneAndLeaveNoProcess() {
    long pid = server.pid();
    server.close();

    ModelCallException e = catchThrowableOfType(ModelCallException.class,
        () -> modelCall.call("llama", ModelCallRequest.of(UserMessage.from("hello?"))));

    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
  }
}

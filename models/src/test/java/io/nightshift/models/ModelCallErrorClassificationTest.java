package io.nightshift.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.UserMessage;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every failure through the real LangChain4j client, one HTTP request each: LangChain4j must not retry by itself. */
class ModelCallErrorClassificationTest {
  private ScriptedOpenAiServer server;
  private ModelCall modelCall;

  @BeforeEach
  void start() {
    server = ScriptedOpenAiServer.start();
    modelCall = callTo(server.baseUrl(), Duration.ofMillis(700));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ModelCall callTo(String baseUrl, Duration requestTimeout) {
    return new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("ep").baseUrl(baseUrl).modelName("m").requestTimeout(requestTimeout)
        .connectTimeout(Duration.ofMillis(500)).build())));
  }

  private ModelCallException failure(ScriptedReply reply) {
    server.enqueue(reply);
    ModelCallException e = catchThrowableOfType(ModelCallException.class,
        () -> modelCall.call("ep", ModelCallRequest.of(UserMessage.from("hi"))));
    assertThat(e).as("expected a ModelCallException").isNotNull();
    assertThat(server.chatRequests()).as("LangChain4j's own retries must be off").hasSize(1);
    return e;
  }

  @Test
  void shouldHonourRetryAfterOnA429() {
    ModelCallException e = failure(ScriptedReply.rateLimited("7"));

    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.statusCode()).hasValue(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.type()).isEqualTo("ModelCall.RATE_LIMITED");
    assertThat(e.endpointId()).isEqualTo("ep");
  }

  @Test
  void shouldRetryServerErrors() {
    ModelCallException e = failure(ScriptedReply.status(503, "loading model"));

    assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage()).contains("HTTP 503").contains("loading model");
  }

  @Test
  void shouldNotRetryABadRequest() {
    ModelCallException e = failure(ScriptedReply.status(400, "unknown parameter foo"));

    assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void shouldNotRetryARequestTheServerRejectedAsInvalidEvenWithA500() {
    // llama-cpp-python reports pydantic validation failures as HTTP 500
    ModelCallException e = failure(ScriptedReply.status(500,
        "1 validation error: {'type': 'literal_error', 'loc': ('body', 'response_format', 'type')}"));

    assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void shouldNotRetryAContextLengthError() {
    ModelCallException e = failure(ScriptedReply.status(400,
        "Requested tokens (5000) exceed context window of 2048"));

    assertThat(e.kind()).isEqualTo(FailureKind.CONTEXT_LENGTH_EXCEEDED);
    assertThat(e.retryable()).isFalse();
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({"401, AUTHENTICATION", "403, AUTHENTICATION", "404, NOT_FOUND", "422, BAD_REQUEST"})
  void shouldNotRetryAuthenticationNotFoundOrUnprocessable(int status, FailureKind expected) {
    ModelCallException e = failure(ScriptedReply.status(status, "refused"));

    assertThat(e.kind()).isEqualTo(expected);
    assertThat(e.retryable()).isFalse();
    assertThat(e.statusCode()).hasValue(status);
  }

  @ParameterizedTest(name = "HTTP {0} -> retryable")
  @CsvSource({"500", "502", "503", "504", "408"})
  void shouldRetryEveryServerSideStatus(int status) {
    assertThat(failure(ScriptedReply.status(status, "try later")).retryable()).isTrue();
  }

  @Test
  void shouldFailAtOnceForAnEndpointThatIsNotConfigured() {
    ModelCallException e = catchThrowableOfType(ModelCallException.class,
        () -> modelCall.call("nope", ModelCallRequest.of(UserMessage.from("hi"))));

    assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_ENDPOINT);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("configured: [ep]");
    assertThat(server.chatRequests()).isEmpty();
  }

  @Test
  void shouldRetryAMalformedAnswer() {
    ModelCallException e = failure(ScriptedReply.malformedJson());

    assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void shouldRetryAnAnswerThatComesTooLate() {
    ModelCallException e = failure(ScriptedReply.slow(Duration.ofSeconds(5), ScriptedReply.text("late")));

    assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void shouldRetryAConnectionDroppedMidRequest() {
    ModelCallException e = failure(ScriptedReply.dropConnection());

    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void shouldRetryWhenNothingListens() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    ModelCall toNowhere = callTo("http://127.0.0.1:" + freePort + "/v1", Duration.ofSeconds(2));

    ModelCallException e = catchThrowableOfType(ModelCallException.class,
        () -> toNowhere.call("ep", ModelCallRequest.of(UserMessage.from("hi"))));

    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
  }
}

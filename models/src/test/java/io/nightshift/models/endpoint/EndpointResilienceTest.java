package io.nightshift.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.UserMessage;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.ModelCallResult;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.models.resilience.ResilienceSnapshot;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointResilienceTest {
  private static final ModelCallRequest HI = ModelCallRequest.of(UserMessage.from("hi"));

  private ScriptedOpenAiServer server;
  private ModelEndpointRegistry registry;
  private ModelCall modelCall;

  @BeforeEach
  void startServer() {
    server = ScriptedOpenAiServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private void endpoint(UnaryOperator<ModelEndpointConfig.Builder> settings) {
    ModelEndpointConfig.Builder builder = ModelEndpointConfig.custom().id("ep").baseUrl(server.baseUrl())
        .modelName("m").requestTimeout(Duration.ofSeconds(5));
    registry = ModelEndpointRegistry.of(List.of(settings.apply(builder).build()));
    modelCall = new ModelCall(registry);
  }

  private ModelCallException failing() {
    return catchThrowableOfType(ModelCallException.class, () -> modelCall.call("ep", HI));
  }

  @Test
  void shouldOpenTheCircuitAfterRepeatedServerErrorsAndThenRefuseWithoutCallingTheServer() {
    endpoint(b -> b.circuitBreaker(new CircuitBreakerSettings(50f, 4, 4, Duration.ofMinutes(1))));
    server.otherwise(ScriptedReply.status(500, "boom"));

    for (int i = 0; i < 4; i++) {
      assertThat(failing().kind()).isEqualTo(FailureKind.SERVER_ERROR);
    }
    ModelCallException refused = failing();

    assertThat(refused.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(refused.retryable()).isTrue();
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(server.chatRequests()).hasSize(4);
    ResilienceSnapshot snapshot = registry.get("ep").resilience().snapshot();
    assertThat(snapshot.circuitState()).isEqualTo("OPEN");
    assertThat(snapshot.failureRatePercent()).isEqualTo(100f);
    assertThat(snapshot.failedCalls()).isEqualTo(4);
    assertThat(snapshot.notPermittedCalls()).isEqualTo(1);
    assertThat(snapshot.circuitOpen()).isTrue();
    assertThat(snapshot.describe()).isEqualTo("ep OPEN (100% of 4 recent calls failed, 1 refused)");
  }

  @Test
  void shouldOpenTheCircuitOfAnUnreachableEndpointInsteadOfHanging() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    registry = ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("gone")
        .baseUrl("http://127.0.0.1:" + freePort + "/v1").modelName("m").connectTimeout(Duration.ofMillis(500))
        .circuitBreaker(new CircuitBreakerSettings(50f, 3, 3, Duration.ofMinutes(1))).build()));
    modelCall = new ModelCall(registry);

    for (int i = 0; i < 3; i++) {
      assertThat(catchThrowableOfType(ModelCallException.class, () -> modelCall.call("gone", HI)).kind())
          .isEqualTo(FailureKind.CONNECTION_FAILED);
    }
    ModelCallException refused = catchThrowableOfType(ModelCallException.class, () -> modelCall.call("gone", HI));

    assertThat(refused.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(refused.getMessage()).contains("'gone'").contains("circuit breaker is open");
    assertThat(registry.snapshots()).singleElement().extracting(ResilienceSnapshot::circuitState).isEqualTo("OPEN");
  }

  @Test
  void shouldKeepTheCircuitClosedWhenOnlyTheRequestsAreBad() {
    endpoint(b -> b.circuitBreaker(new CircuitBreakerSettings(50f, 4, 4, Duration.ofMinutes(1))));
    server.otherwise(ScriptedReply.status(400, "bad request"));

    for (int i = 0; i < 6; i++) {
      assertThat(failing().kind()).isEqualTo(FailureKind.BAD_REQUEST);
    }

    assertThat(server.chatRequests()).hasSize(6);
    assertThat(registry.get("ep").resilience().snapshot().circuitState()).isEqualTo("CLOSED");
    assertThat(registry.snapshot("ep").orElseThrow().circuitOpen()).isFalse();
  }

  @Test
  void shouldLetTrialCallsThroughAndCloseAgainOnceTheServerRecovers() throws Exception {
    endpoint(b -> b.circuitBreaker(new CircuitBreakerSettings(50f, 2, 2, Duration.ofMillis(200))));
    server.enqueue(ScriptedReply.status(502, "down"), ScriptedReply.status(502, "down"))
        .otherwise(ScriptedReply.text("back"));
    failing();
    failing();
    assertThat(failing().kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);

    Thread.sleep(300);
    ModelCallResult trial = modelCall.call("ep", HI);

    assertThat(trial.text()).isEqualTo("back");
    assertThat(registry.get("ep").resilience().snapshot().circuitState()).isEqualTo("CLOSED");
  }

  @Test
  void shouldNeverSendMoreConcurrentCallsThanTheEndpointHasSlotsWithoutAQueue() throws Exception {
    endpoint(b -> b.maxConcurrency(2).queueDepth(0).maxWaitForSlot(Duration.ofSeconds(10)));
    server.otherwise(ScriptedReply.slow(Duration.ofMillis(200), ScriptedReply.text("ok")));

    callAtOnce(6);

    assertThat(server.chatRequests()).hasSize(6);
    assertThat(server.maxConcurrentRequests()).isEqualTo(2);
    assertThat(registry.get("ep").resilience().snapshot().availableSlots()).isEqualTo(2);
  }

  @Test
  void shouldKeepTheQueueDepthWaitingAtTheServerSoAFreedSlotIsRefilledAtOnce() throws Exception {
    endpoint(b -> b.maxConcurrency(2).queueDepth(1).maxWaitForSlot(Duration.ofSeconds(10)));
    server.withCapacity(2).otherwise(ScriptedReply.slow(Duration.ofMillis(600), ScriptedReply.text("ok")));
    callAtOnce(6);

    assertThat(server.maxConcurrentRequests()).as("the server's own slots").isEqualTo(2);
    assertThat(server.maxUnansweredRequests()).as("slots + queue depth sent, never more").isEqualTo(3);
    assertThat(registry.get("ep").resilience().snapshot().maxSlots()).isEqualTo(3);
  }

  private void callAtOnce(int calls) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(calls);
    try {
      List<Future<ModelCallResult>> answers = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        answers.add(callers.submit(() -> modelCall.call("ep", HI)));
      }
      for (Future<ModelCallResult> answer : answers) {
        assertThat(answer.get().text()).isEqualTo("ok");
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void shouldRefuseRetryablyWhenAllSlotsStayBusy() throws Exception {
    endpoint(b -> b.maxConcurrency(1).queueDepth(0).maxWaitForSlot(Duration.ZERO));
    // long enough that the second call surely finds the slot taken, even on a loaded machine
    server.otherwise(ScriptedReply.slow(Duration.ofMillis(1500), ScriptedReply.text("ok")));
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<ModelCallResult> first = caller.submit(() -> modelCall.call("ep", HI));
      Awaitility.await().atMost(Duration.ofSeconds(2))
          .until(() -> registry.get("ep").resilience().snapshot().slotsInUse() == 1);

      ModelCallException busy = failing();

      assertThat(busy.kind()).isEqualTo(FailureKind.ENDPOINT_BUSY);
      assertThat(busy.retryable()).isTrue();
      assertThat(first.get().text()).isEqualTo("ok");
    } finally {
      caller.shutdownNow();
    }
    assertThat(server.chatRequests()).hasSize(1);
    assertThat(registry.get("ep").resilience().snapshot().circuitState()).isEqualTo("CLOSED");
  }

  @Test
  void shouldRefuseCallsBeyondTheRateLimitWithoutReachingTheServer() {
    endpoint(b -> b.rateLimit(RateLimit.of(2, Duration.ofMinutes(1))));
    server.otherwise(ScriptedReply.text("ok"));

    modelCall.call("ep", HI);
    modelCall.call("ep", HI);
    ModelCallException limited = failing();

    assertThat(limited.kind()).isEqualTo(FailureKind.ENDPOINT_BUSY);
    assertThat(limited.retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(server.chatRequests()).hasSize(2);
    assertThat(registry.get("ep").resilience().snapshot().availableRatePermits()).isZero();
  }
}

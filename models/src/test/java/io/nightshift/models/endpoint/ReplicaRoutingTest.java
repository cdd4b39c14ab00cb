package io.nightshift.models.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.UserMessage;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.ModelCallResult;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicaRoutingTest {
  private static final ModelCallRequest HI = ModelCallRequest.of(UserMessage.from("hi"));
  private final List<ScriptedOpenAiServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(ScriptedOpenAiServer::close);
  }

  private ScriptedOpenAiServer server(ScriptedReply reply) {
    ScriptedOpenAiServer s = ScriptedOpenAiServer.start("smol").withCapacity(1).otherwise(reply);
    servers.add(s);
    return s;
  }

  private static ModelEndpointConfig replica(int n, ScriptedOpenAiServer server) {
    return ModelEndpointConfig.custom().id("llama." + n).replicaOf("llama").baseUrl(server.baseUrl())
        .modelName("smol").maxConcurrency(1).queueDepth(0).maxWaitForSlot(Duration.ofSeconds(10))
        .circuitBreaker(new CircuitBreakerSettings(50f, 2, 2, Duration.ofMinutes(1))).build();
  }

  @Test
  void shouldKeepEverySingleSlotReplicaBusyWhenCallsNameTheModel() throws Exception {
    ScriptedReply slow = ScriptedReply.slow(Duration.ofMillis(300), ScriptedReply.text("ok"));
    ScriptedOpenAiServer a = server(slow);
    ScriptedOpenAiServer b = server(slow);
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(replica(1, a), replica(2, b)));
    ModelCall models = new ModelCall(registry);

    List<ModelCallResult> answers = callAtOnce(models, 4);

    assertThat(answers).extracting(ModelCallResult::endpointId).containsOnly("llama");
    // 2 each unless a call ended before the last one was routed (a loaded machine): both worked, and never twice
    assertThat(a.chatRequests().size() + b.chatRequests().size()).isEqualTo(4);
    assertThat(a.chatRequests()).isNotEmpty();
    assertThat(b.chatRequests()).isNotEmpty();
    assertThat(a.maxUnansweredRequests()).as("its one slot, no queue: never two at once").isEqualTo(1);
    assertThat(registry.contains("llama")).isTrue();
    assertThat(registry.replicasOf("llama")).containsExactly("llama.1", "llama.2");
    assertThat(registry.outstanding("llama.1")).as("released after each call").isZero();
    assertThat(registry.get("llama").id()).as("its configuration answers for the model").isEqualTo("llama.1");
  }

  @Test
  void shouldPassOverAReplicaWhoseCircuitIsOpenAndRefuseOnlyWhenAllAre() {
    ScriptedOpenAiServer broken = server(ScriptedReply.status(500, "boom"));
    ScriptedOpenAiServer working = server(ScriptedReply.text("ok"));
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(replica(1, broken), replica(2, working)));
    ModelCall models = new ModelCall(registry);

    int failures = 0;
    for (int i = 0; i < 8; i++) {
      try {
        models.call("llama", HI);
      } catch (ModelCallException e) {
        assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        failures++;
      }
    }

    assertThat(failures).as("the broken replica's breaker opened after its 2 calls").isEqualTo(2);
    assertThat(broken.chatRequests()).hasSize(2);
    assertThat(working.chatRequests()).hasSize(6);
    assertThat(models.circuitOpen("llama.1")).isTrue();
    assertThat(models.circuitOpen("llama")).as("one replica still takes calls").isFalse();

    working.otherwise(ScriptedReply.status(500, "boom too"));
    catchThrowableOfType(ModelCallException.class, () -> models.call("llama", HI));
    catchThrowableOfType(ModelCallException.class, () -> models.call("llama", HI));
    assertThat(models.circuitOpen("llama")).isTrue();
    assertThat(catchThrowableOfType(ModelCallException.class, () -> models.call("llama", HI)).kind())
        .isEqualTo(FailureKind.CIRCUIT_OPEN);
  }

  @Test
  void shouldRefuseAModelIdThatIsAlsoAnEndpoint() {
    ScriptedOpenAiServer a = server(ScriptedReply.text("ok"));
    ModelEndpointConfig plain = ModelEndpointConfig.custom().id("llama").baseUrl(a.baseUrl()).modelName("smol")
        .build();

    assertThatThrownBy(() -> ModelEndpointRegistry.of(List.of(plain, replica(1, a))))
        .hasMessageContaining("'llama' is both an endpoint and");
    assertThatThrownBy(() -> ModelEndpointConfig.custom().id("x").replicaOf("x").baseUrl(a.baseUrl())
        .modelName("smol").build()).hasMessageContaining("replicaOf must name the model id");
  }

  @Test
  void shouldForgetARemovedReplicaAndTheModelWithItsLast() {
    ScriptedOpenAiServer a = server(ScriptedReply.text("ok"));
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of());
    registry.register(replica(1, a));

    assertThat(new ModelCall(registry).call("llama", HI).text()).isEqualTo("ok");
    assertThat(registry.remove("llama.1")).isTrue();
    assertThat(registry.contains("llama")).isFalse();
    assertThat(catchThrowableOfType(ModelCallException.class, () -> new ModelCall(registry).call("llama", HI))
        .kind()).isEqualTo(FailureKind.UNKNOWN_ENDPOINT);
  }

  private static List<ModelCallResult> callAtOnce(ModelCall models, int calls) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(calls);
    try {
      List<Future<ModelCallResult>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(callers.submit(() -> models.call("llama", HI)));
      }
      List<ModelCallResult> out = new ArrayList<>();
      for (Future<ModelCallResult> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      callers.shutdownNow();
    }
  }
}

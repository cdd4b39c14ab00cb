package io.nightshift.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.UserMessage;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model request is checked against the egress allow-list before it connects. */
class ModelCallEgressTest {
  /** TEST-NET-3 (RFC 5737): never routed, so nothing is reached even when the policy lets the call through. */
  private static final String OUTSIDE = "http://203.0.113.5:8000/v1";

  private static ModelCallException failureOf(EgressPolicy egress) {
    ModelCall call = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("remote")
        .baseUrl(OUTSIDE).modelName("m").connectTimeout(Duration.ofMillis(300))
        .requestTimeout(Duration.ofMillis(600)).build()), egress));
    return catchThrowableOfType(ModelCallException.class,
        () -> call.call("remote", ModelCallRequest.of(UserMessage.from("hi"))));
  }

  @Test
  void shouldRefuseARequestToAHostOutsideTheAllowListForGoodWithoutConnecting() {
    ModelCallException e = failureOf(EgressPolicy.loopbackOnly());

    assertThat(e.kind()).isEqualTo(FailureKind.EGRESS_REFUSED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.type()).isEqualTo("ModelCall.EGRESS_REFUSED");
    assertThat(e.getMessage()).contains("egress refused: http://203.0.113.5:8000/v1/chat/completions")
        .contains("address 203.0.113.5 is in no allowed network");
  }

  @Test
  void shouldLetTheRequestTryToConnectOnceItsNetworkIsAllowed() {
    ModelCallException e = failureOf(EgressPolicy.allowing("203.0.113.0/24"));

    // the network is allowed, so the request went out; what answers an unrouted address (nothing, or a sandbox's
    // proxy) varies by machine, but it is never the guard
    assertThat(e.kind()).isNotEqualTo(FailureKind.EGRESS_REFUSED);
    assertThat(e.getMessage()).doesNotContain("egress refused");
  }
}

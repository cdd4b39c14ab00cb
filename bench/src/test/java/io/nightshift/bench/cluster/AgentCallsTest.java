package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCallsTest {
  private static String body(int n) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"Say done " + AgentCalls.marker(n) + ".\"}]}";
  }

  @Test
  void aCallSentAgainForTheSameTaskIsOneReExecution() {
    assertThat(AgentCalls.reExecutions(List.of(body(1), body(2), body(1), body(3), body(1)))).isEqualTo(2);
  }

  @Test
  void markersThatShareADigitPrefixAreDifferentTasks() {
    assertThat(AgentCalls.reExecutions(List.of(body(1), body(12), body(123)))).isZero();
  }

  @Test
  void requestsWithoutAMarkerAreNotCounted() {
    assertThat(AgentCalls.reExecutions(List.of("{}", "{}", body(4)))).isZero();
  }
}

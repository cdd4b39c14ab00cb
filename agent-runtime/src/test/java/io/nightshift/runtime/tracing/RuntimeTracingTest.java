package io.nightshift.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The service a process's spans are filed under: one per role, so a collector tells the API from a worker. */
class RuntimeTracingTest {
  @Test
  void shouldNameTheServiceAfterTheRoleAndPlainNightshiftForSeveral() {
    assertThat(RuntimeTracing.serviceName(List.of("api"))).isEqualTo("nightshift-api");
    assertThat(RuntimeTracing.serviceName(List.of("worker"))).isEqualTo("nightshift-worker");
    assertThat(RuntimeTracing.serviceName(List.of("temporal"))).isEqualTo("nightshift-temporal");
    assertThat(RuntimeTracing.serviceName(List.of("temporal", "worker"))).isEqualTo("nightshift-worker");
    assertThat(RuntimeTracing.serviceName(List.of("temporal", "worker", "api"))).isEqualTo("nightshift");
    assertThat(RuntimeTracing.resource(List.of("temporal", "worker", "api")).getAttribute(RuntimeTracing.ROLES))
        .isEqualTo("temporal,worker,api");
  }
}

package io.nightshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void shouldDoubleTheBackoffUpToItsCeiling() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));

    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoffAfter(60)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldNameTheFieldOfABadSetting() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("maxBackoff");
  }

  /** A submission is sent twice only with an idempotency key: a task id alone cannot tell a repeat from a clash. */
  @Test
  void shouldRetryASubmissionOnlyWithAnIdempotencyKey() {
    TaskSpec spec = TaskSpec.newBuilder().setPipelineName("sample").build();

    assertThat(Retries.mayRetry(SubmitTaskRequest.newBuilder().setTaskId("mine").setSpec(spec).build())).isFalse();
    assertThat(Retries.mayRetry(SubmitTaskRequest.newBuilder().setSpec(spec).build())).isFalse();
    assertThat(Retries.mayRetry(SubmitTaskRequest.newBuilder().setIdempotencyKey("order-42").setSpec(spec).build()))
        .isTrue();
  }
}

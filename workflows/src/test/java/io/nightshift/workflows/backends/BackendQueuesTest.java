package io.nightshift.workflows.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityOptions;
import org.junit.jupiter.api.Test;

class BackendQueuesTest {
  @Test
  void shouldNameOneQueuePerPool() {
    assertThat(BackendQueues.forPool("nvidia-h100")).isEqualTo("backend-nvidia-h100");
    assertThat(BackendQueues.forPool("trn1.0")).isEqualTo("backend-trn1.0");
  }

  @Test
  void shouldRefusePoolIdsThatCannotBeQueueNames() {
    assertThatThrownBy(() -> BackendQueues.forPool("GPU pool")).hasMessageContaining("'GPU pool'");
    assertThatThrownBy(() -> BackendQueues.forPool("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackendQueues.forPool(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRouteInventoryToThePoolsQueueAndGiveUpWhenNoWorkerPollsIt() {
    ActivityOptions o = BackendActivityOptions.inventory("gpu-a");

    assertThat(o.getTaskQueue()).isEqualTo("backend-gpu-a");
    assertThat(o.getScheduleToStartTimeout()).isEqualTo(BackendActivityOptions.INVENTORY_SCHEDULE_TO_START);
    assertThat(o.getRetryOptions().getDoNotRetry()).contains(InventoryActivities.UNKNOWN_POOL);
  }
}

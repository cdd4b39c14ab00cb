package io.nightshift.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolOutageTest {
  @Test
  void shouldStayReadyWhileOnePoolIsUpAmongDownOnes() {
    Map<String, HealthStatus> health = new LinkedHashMap<>();
    health.put("gpu", HealthStatus.down("NVIDIA driver not loaded"));
    health.put("cpu", HealthStatus.degraded("load high"));

    assertThat(PoolGauges.allDown(health)).isEmpty();
  }

  @Test
  void shouldNameEveryPoolWhenAllAreDown() {
    Map<String, HealthStatus> health = new LinkedHashMap<>();
    health.put("gpu", HealthStatus.down("NVIDIA driver not loaded"));
    health.put("trn", HealthStatus.down("neuron-ls failed"));

    assertThat(PoolGauges.allDown(health))
        .hasValue("every pool is down: gpu (NVIDIA driver not loaded), trn (neuron-ls failed)");
  }

  @Test
  void shouldNotCallAFleetNotSampledYetDown() {
    assertThat(PoolGauges.allDown(Map.of())).isEmpty();
  }
}

package io.nightshift.accelerators;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.accelerators.simulated.SimulatedConfig;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.core.accelerator.placement.Placement;
import io.nightshift.core.accelerator.placement.PlacementDecision;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.accelerator.placement.StepRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A task of 30 model-call subtasks over two pools: when the cheaper pool's endpoints start failing, its circuit
 * opens after three consecutive failures, later subtasks move to the other pool, and the task completes. The
 * circuit here is a plain counter standing in for the runtime's Resilience4j breaker.
 */
class FailoverTest {
  private static final int OPEN_AFTER = 3;

  @Test
  void shouldMoveSubtasksToTheOtherPoolWhenOnePoolsEndpointStartsFailing() {
    SimulatedBackend neuron = new SimulatedBackend(SimulatedConfig.custom().id("trn-sim").kind(AcceleratorKind.NEURON_CORE)
        .devices(32).deviceName("NeuronCore").pricePerUnitHour(0.67).wattsPerUnit(45).build());
    SimulatedBackend gpu = new SimulatedBackend(SimulatedConfig.custom().id("h100-sim").devices(8)
        .pricePerUnitHour(6.15).throughputPerUnit(4).build());
    Map<String, SimulatedBackend> pools = Map.of(neuron.id(), neuron, gpu.id(), gpu);
    Map<String, Integer> consecutiveFailures = new HashMap<>();
    List<String> ranOn = new ArrayList<>();
    int failedAttempts = 0;
    Optional<String> sticky = Optional.empty();

    for (int subtask = 0; subtask < 30; subtask++) {
      if (subtask == 10) {
        neuron.failEndpoints(true);
      }
      boolean done = false;
      while (!done) {
        List<PoolView> views = pools.values().stream()
            .map(p -> PoolView.of(p.snapshot(), p.config().throughputPerUnit(), Set.of(),
                consecutiveFailures.getOrDefault(p.id(), 0) >= OPEN_AFTER))
            .toList();
        PlacementDecision d = Placement.place(views, StepRequirements.any(1), PlacementPolicy.cheapest(), sticky);
        assertThat(d.placed()).as(d.reason()).isTrue();
        SimulatedBackend pool = pools.get(d.pool().orElseThrow());
        Lease lease = pool.allocate(LeaseRequest.of("task-1/step-" + subtask, 1));
        ModelServerHandle endpoint = pool.start(lease, ModelServerSpec.of("llama-3.1-8b", 8000));
        HealthStatus health = pool.health(endpoint);
        pool.release(lease);
        if (health.usable()) {
          consecutiveFailures.put(pool.id(), 0);
          ranOn.add(pool.id());
          sticky = Optional.of(pool.id());
          done = true;
        } else {
          consecutiveFailures.merge(pool.id(), 1, Integer::sum);
          failedAttempts++;
        }
      }
    }

    assertThat(ranOn).hasSize(30);
    assertThat(ranOn.subList(0, 10)).containsOnly("trn-sim");
    assertThat(ranOn.subList(10, 30)).containsOnly("h100-sim");
    assertThat(failedAttempts).isEqualTo(OPEN_AFTER);
  }
}

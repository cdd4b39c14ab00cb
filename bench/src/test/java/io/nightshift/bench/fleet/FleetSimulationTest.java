package io.nightshift.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.placement.PlacementPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetPlacementBenchTest {
  private final List<FleetSubtask> tasks = Workload.mixed(5_000, 42);
  private final double bound =
      FleetPlacementBench.lowerBound(tasks, List.of(FleetPlacementBench.gpus(), FleetPlacementBench.neuronCores()));

  @Test
  void shouldKeepCostAwareMakespanWithinTenPercentOfTheLowerBoundAndBeatRoundRobinOnFleetCost() {
    FleetResult costAware = new FleetSimulation(List.of(FleetPlacementBench.gpus(), FleetPlacementBench.neuronCores()))
        .runPolicy("cost-aware", tasks, PlacementPolicy.cheapest());
    FleetResult roundRobin = new FleetSimulation(List.of(FleetPlacementBench.gpus(), FleetPlacementBench.neuronCores()))
        .runRoundRobin("round-robin", tasks);

    assertThat(costAware.makespanSeconds()).isGreaterThanOrEqualTo(bound);
    assertThat(costAware.makespanSeconds() / bound).isLessThanOrEqualTo(1.10);
    assertThat(costAware.subtasksPerPool().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5_000);
    assertThat(costAware.fleetCost()).isLessThan(roundRobin.fleetCost());
  }

  @Test
  void shouldTradeMakespanForBusyCostWhenPinnedToTheCheapestPool() {
    FleetResult pinned = new FleetSimulation(List.of(FleetPlacementBench.gpus(), FleetPlacementBench.neuronCores()))
        .runPolicy("pinned", Workload.mixed(500, 7), PlacementPolicy.pinned("trn1-sim"));
    FleetResult spill = new FleetSimulation(List.of(FleetPlacementBench.gpus(), FleetPlacementBench.neuronCores()))
        .runPolicy("cost-aware", Workload.mixed(500, 7), PlacementPolicy.cheapest());

    assertThat(pinned.subtasksPerPool()).containsOnlyKeys("trn1-sim");
    assertThat(pinned.busyCost()).isLessThan(spill.busyCost());
    assertThat(pinned.makespanSeconds()).isGreaterThan(spill.makespanSeconds());
  }
}

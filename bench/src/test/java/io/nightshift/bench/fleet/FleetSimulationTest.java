package io.nightshift.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.placement.PlacementPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {
  private final List<FleetSubtask> tasks = Workload.mixed(5_000, 42);
  private final double bound =
      FleetPools.lowerBound(tasks, FleetPools.modelled());

  @Test
  void shouldKeepCostAwareMakespanWithinTenPercentOfTheLowerBoundAndBeatRoundRobinOnFleetCost() {
    FleetResult costAware = new FleetSimulation(FleetPools.modelled())
        .runPolicy("cost-aware", tasks, PlacementPolicy.cheapest());
    FleetResult roundRobin = new FleetSimulation(FleetPools.modelled())
        .runRoundRobin("round-robin", tasks);

    assertThat(costAware.makespanSeconds()).isGreaterThanOrEqualTo(bound);
    assertThat(costAware.makespanSeconds() / bound).isLessThanOrEqualTo(1.10);
    assertThat(costAware.subtasksPerPool().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5_000);
    assertThat(costAware.fleetCost()).isLessThan(roundRobin.fleetCost());
  }

  @Test
  void shouldTradeMakespanForBusyCostWhenPinnedToTheCheapestPool() {
    FleetResult pinned = new FleetSimulation(FleetPools.modelled())
        .runPolicy("pinned", Workload.mixed(500, 7), PlacementPolicy.pinned("trn1-sim"));
    FleetResult spill = new FleetSimulation(FleetPools.modelled())
        .runPolicy("cost-aware", Workload.mixed(500, 7), PlacementPolicy.cheapest());

    assertThat(pinned.subtasksPerPool()).containsOnlyKeys("trn1-sim");
    assertThat(pinned.busyCost()).isLessThan(spill.busyCost());
    assertThat(pinned.makespanSeconds()).isGreaterThan(spill.makespanSeconds());
  }
}

package io.nightshift.core.accelerator.placement;

import static io.nightshift.core.accelerator.AcceleratorKind.CPU;
import static io.nightshift.core.accelerator.AcceleratorKind.NEURON_CORE;
import static io.nightshift.core.accelerator.AcceleratorKind.NVIDIA_GPU;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private static final long GIB = 1L << 30;
  // H100: fast and dear; NeuronCore: slower per unit, cheaper per unit of work; CPU: slow, cheap, low power.
  private final PoolView gpu = pool("nvidia-h100", NVIDIA_GPU, 8, 80 * GIB, 6.00, 700, 4.0);
  private final PoolView neuron = pool("trn1-0", NEURON_CORE, 32, 16 * GIB, 1.34, 45, 1.0);
  private final PoolView cpu = pool("cpu", CPU, 2, 12 * GIB, 0.05, 10, 0.02);
  private final List<PoolView> fleet = List.of(gpu, neuron, cpu);

  @Test
  void shouldChooseLowestPricePerUnitOfWorkForCheapest() {
    // cost per work: gpu 1.50, neuron 1.34, cpu 2.50
    PlacementDecision d = Placement.place(fleet, StepRequirements.any(1), PlacementPolicy.cheapest(), Optional.empty());

    assertThat(d.pool()).contains("trn1-0");
    assertThat(d.rejected()).isEmpty();
  }

  @Test
  void shouldChooseHighestSpeedForFastestAndLowestWattsPerWorkForEnergy() {
    assertThat(Placement.place(fleet, StepRequirements.any(1), PlacementPolicy.fastest(), Optional.empty()).pool())
        .contains("nvidia-h100");
    // energy per work: gpu 175, neuron 45, cpu 500
    assertThat(Placement.place(fleet, StepRequirements.any(1), PlacementPolicy.lowestEnergy(), Optional.empty())
        .pool()).contains("trn1-0");
  }

  @Test
  void shouldFailOverToTheNextPoolWhenTheBestPoolsCircuitIsOpen() {
    List<PoolView> pools = List.of(gpu, neuron.withCircuitOpen(true), cpu);

    PlacementDecision d = Placement.place(pools, StepRequirements.any(1), PlacementPolicy.cheapest(), Optional.empty());

    assertThat(d.pool()).contains("nvidia-h100");
    assertThat(d.rejected()).containsExactly("trn1-0: circuit open");
    assertThat(d.reason()).contains("failover");
  }

  @Test
  void shouldSkipPoolsWithoutFreeCapacityOrEnoughMemory() {
    List<PoolView> pools = List.of(gpu, neuron.withFreeUnits(1), cpu);
    StepRequirements step = StepRequirements.any(2).withMemoryBytesPerUnit(20 * GIB);

    PlacementDecision d = Placement.place(pools, step, PlacementPolicy.cheapest(), Optional.empty());

    assertThat(d.pool()).contains("nvidia-h100");
    assertThat(d.rejected()).anySatisfy(r -> assertThat(r).startsWith("trn1-0: no capacity: 1 free"))
        .anySatisfy(r -> assertThat(r).startsWith("cpu: units have"));
  }

  @Test
  void shouldRespectRequiredKindAndServedModels() {
    PoolView llamaOnlyGpu = new PoolView("nvidia-llama", NVIDIA_GPU, 4, 4, 80 * GIB, 5, 700, 4, Set.of("llama-3.1-8b"),
        true, false);
    StepRequirements step = StepRequirements.of(NVIDIA_GPU, 1).withModel("qwen2.5-7b");

    PlacementDecision d = Placement.place(List.of(llamaOnlyGpu, gpu, neuron), step, PlacementPolicy.cheapest(),
        Optional.empty());

    assertThat(d.pool()).contains("nvidia-h100");
    assertThat(d.rejected()).contains("nvidia-llama: does not serve model qwen2.5-7b",
        "trn1-0: kind NEURON_CORE, step needs NVIDIA_GPU");
  }

  @Test
  void shouldStickToThePreviousPoolWhileItIsHealthyEvenIfAnotherIsCheaper() {
    PlacementDecision sticky = Placement.place(fleet, StepRequirements.any(1), PlacementPolicy.cheapest(),
        Optional.of("nvidia-h100"));
    assertThat(sticky.pool()).contains("nvidia-h100");
    assertThat(sticky.reason()).startsWith("sticky");

    List<PoolView> gpuFailing = List.of(gpu.withCircuitOpen(true), neuron, cpu);
    PlacementDecision moved = Placement.place(gpuFailing, StepRequirements.any(1), PlacementPolicy.cheapest(),
        Optional.of("nvidia-h100"));
    assertThat(moved.pool()).contains("trn1-0");
  }

  @Test
  void shouldNotFailOverAwayFromAPinnedPoolAndSayWhy() {
    List<PoolView> pools = List.of(gpu.withFreeUnits(0), neuron, cpu);

    PlacementDecision d = Placement.place(pools, StepRequirements.any(1), PlacementPolicy.pinned("nvidia-h100"),
        Optional.empty());

    assertThat(d.placed()).isFalse();
    assertThat(d.reason()).isEqualTo(
        "pinned pool 'nvidia-h100' can run 1 unit(s) of any kind: nvidia-h100: no capacity: 0 free, step needs 1");
    assertThat(Placement.place(pools, StepRequirements.any(1), PlacementPolicy.pinned("gone"), Optional.empty())
        .reason()).startsWith("pinned pool 'gone' does not exist");
  }

  @Test
  void shouldExplainEveryRejectionWhenNothingFits() {
    PoolView down = new PoolView("nvidia-down", NVIDIA_GPU, 8, 8, 80 * GIB, 6, 700, 4, Set.of(), false, false);

    PlacementDecision d = Placement.place(List.of(down, neuron), StepRequirements.of(NVIDIA_GPU, 1),
        PlacementPolicy.fastest(), Optional.empty());

    assertThat(d.placed()).isFalse();
    assertThat(d.reason()).startsWith("no pool can run 1 unit(s) of NVIDIA_GPU")
        .contains("nvidia-down: unhealthy").contains("trn1-0: kind NEURON_CORE");
  }

  @Test
  void shouldGiveTheSameAnswerWhateverTheOrderOfPools() {
    PoolView twin = pool("nvidia-h100-b", NVIDIA_GPU, 8, 80 * GIB, 6.00, 700, 4.0);
    List<PoolView> pools = new ArrayList<>(List.of(gpu, twin, neuron, cpu));
    String first = Placement.place(pools, StepRequirements.any(1), PlacementPolicy.fastest(), Optional.empty())
        .pool().orElseThrow();
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(pools, new Random(i));
      assertThat(Placement.place(pools, StepRequirements.any(1), PlacementPolicy.fastest(), Optional.empty()).pool())
          .contains(first);
    }
    assertThat(first).isEqualTo("nvidia-h100");
  }

  @Test
  void shouldQueueOnABusyPoolWhenItMayWaitAndNoPoolHasUnitsFreeNow() {
    List<PoolView> busy = List.of(gpu.withFreeUnits(0), neuron.withFreeUnits(4));
    StepRequirements eightGpus = new StepRequirements(Optional.of(NVIDIA_GPU), 8, 0, "");

    PlacementDecision refused = Placement.place(busy, eightGpus, PlacementPolicy.cheapest(), Optional.empty());
    PlacementDecision queued = Placement.place(busy, eightGpus, PlacementPolicy.cheapest(), Optional.empty(), true);

    assertThat(refused.pool()).isEmpty();
    assertThat(refused.reason()).contains("nvidia-h100: no capacity: 0 free, step needs 8");
    assertThat(queued.pool()).contains("nvidia-h100");
    assertThat(queued.reason()).isEqualTo("cheapest (failover past 1 pool(s)); queued: no eligible pool has 8 unit(s)"
        + " free now");
  }

  @Test
  void shouldPreferAPoolWhereTheStepFitsNowOverACheaperBusyOne() {
    List<PoolView> fleetNow = List.of(gpu, neuron.withFreeUnits(0));

    PlacementDecision d = Placement.place(fleetNow, StepRequirements.any(1), PlacementPolicy.cheapest(),
        Optional.empty(), true);

    assertThat(d.pool()).contains("nvidia-h100");
    assertThat(d.reason()).isEqualTo("cheapest");
  }

  private static PoolView pool(String id, AcceleratorKind kind, int units, long mem, double price, double watts,
      double speed) {
    return new PoolView(id, kind, units, units, mem, price, watts, speed, Set.of(), true, false);
  }
}

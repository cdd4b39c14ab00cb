package io.nightshift.core.accelerator.placement;

import static io.nightshift.core.accelerator.AcceleratorKind.NVIDIA_GPU;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadlinePlacementTest {
  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
  // cost per unit of work: slow 1.0, fast 2.0 (4x the speed at 8x the price)
  private final PoolView slow = new PoolView("slow", NVIDIA_GPU, 8, 8, 0, 1.0, 300, 1.0, Set.of(), true, false);
  private final PoolView fast = new PoolView("fast", NVIDIA_GPU, 8, 8, 0, 8.0, 700, 4.0, Set.of(), true, false);
  private final StepRequirements oneGpu = new StepRequirements(Optional.of(NVIDIA_GPU), 1, 0, "");

  @Test
  void shouldTakeTheCheapestPoolWhenItStillFinishesInTime() {
    DeadlineDecision d = DeadlinePlacement.choose(List.of(fast, slow), oneGpu, Duration.ofHours(2), Duration.ZERO,
        NOW, NOW.plus(Duration.ofHours(3)));

    assertThat(d.pool()).isEqualTo("slow");
    assertThat(d.meets()).isTrue();
    assertThat(d.reason()).isEqualTo("cheapest that finishes by 2026-12-05T11:00:00Z: slow by 2026-12-05T10:00:00Z"
        + " (60 min to spare)");
  }

  @Test
  void shouldPayForTheFastPoolWhenOnlyItMakesTheDeadlineCountingTheWorkAfterTheStep() {
    DeadlineDecision d = DeadlinePlacement.choose(List.of(slow, fast), oneGpu, Duration.ofHours(2),
        Duration.ofMinutes(30), NOW, NOW.plus(Duration.ofHours(2)));

    assertThat(d.pool()).isEqualTo("fast");
    assertThat(d.meets()).isTrue();
    assertThat(d.finish()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
  }

  @Test
  void shouldSayADeadlineCannotBeMetAndTakeThePoolThatFinishesFirst() {
    DeadlineDecision d = DeadlinePlacement.choose(List.of(slow, fast), oneGpu, Duration.ofHours(2), Duration.ZERO,
        NOW, NOW.plus(Duration.ofMinutes(20)));

    assertThat(d.pool()).isEqualTo("fast");
    assertThat(d.meets()).isFalse();
    assertThat(d.reason()).isEqualTo("deadline 2026-12-05T08:20:00Z cannot be met: the earliest finish is"
        + " 2026-12-05T08:30:00Z on fast, 10 min late");
  }

  @Test
  void shouldCountOneRunOfWaitOnAPoolWithoutFreeUnits() {
    PoolView busyFast = fast.withFreeUnits(0);

    DeadlineDecision d = DeadlinePlacement.choose(List.of(slow, busyFast), oneGpu, Duration.ofHours(2),
        Duration.ZERO, NOW, NOW.plus(Duration.ofMinutes(45)));

    assertThat(d.meets()).isFalse();
    assertThat(d.pool()).isEqualTo("fast");
    assertThat(d.finish()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }
}

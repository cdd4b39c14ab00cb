package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChunkDispatchTest {
  private final ChunkDispatch dispatch = new ChunkDispatch(List.of(new PoolShare("big", 8, 1, 0, 0),
      new PoolShare("small", 4, 1, 0, 0)));

  @Test
  void shouldFillPoolsInProportionToTheirSlotsUpToTwoChunksPerSlot() {
    Map<String, Integer> started = new HashMap<>();
    while (dispatch.pick().isPresent()) {
      String pool = dispatch.pick().get();
      dispatch.started(pool);
      started.merge(pool, 1, Integer::sum);
    }

    assertThat(started).containsEntry("big", 16).containsEntry("small", 8);
  }

  @Test
  void shouldGiveTiesToThePoolThePolicyPrefers() {
    assertThat(dispatch.pick()).contains("big");
    dispatch.started("big");
    assertThat(dispatch.pick()).contains("small");
  }

  @Test
  void shouldSendNothingMoreToAPoolThatFailedAChunk() {
    dispatch.failed("big", "chunk 3 failed: device lost");

    for (int i = 0; i < 8; i++) {
      assertThat(dispatch.pick()).contains("small");
      dispatch.started("small");
    }
    assertThat(dispatch.pick()).isEmpty();
    assertThat(dispatch.exhausted()).isFalse();
    dispatch.failed("small", "chunk 9 failed: worker gone");
    assertThat(dispatch.exhausted()).isTrue();
    assertThat(dispatch.failures()).isEqualTo("big: chunk 3 failed: device lost; small: chunk 9 failed: worker gone");
  }

  @Test
  void shouldLetTheNextPoolStandInForAFailedOneThePlanKeepsOpen() {
    List<PoolShare> pools = List.of(new PoolShare("cheap", 1, 1, 1, 0), new PoolShare("dear", 1, 1, 2, 0));
    PoolSchedule cheapOnly = new PoolSchedule(Map.of("dear", 0L));
    ChunkDispatch planned = new ChunkDispatch(pools, Optional.of(new ScheduledPace(pools, () -> cheapOnly,
        new DeadlinePace(pools, 10, 3_600_000, 1))));
    assertThat(planned.pick(0, 10)).contains("cheap");

    planned.failed("cheap", "chunk 0 failed: device lost");

    assertThat(planned.pick(0, 10)).contains("dear");
  }
}

package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.ItemProgress;
import io.nightshift.workflows.map.MapProgress;
import org.junit.jupiter.api.Test;

/** A running map's items from the chunks its root node says finished. */
class MapItemReadsTest {
  private static final ItemProgress SPLIT = ItemProgress.newBuilder().setTotal(10).setRunning(10).setChunks(3)
      .build();

  @Test
  void shouldCountTheItemsOfTheFinishedChunksAtTheSplitsItemsPerChunk() {
    // 10 items in chunks of 4: two chunks done are 8 items
    assertThat(MapItemReads.items(SPLIT, new MapProgress(3, 2)))
        .isEqualTo(SPLIT.toBuilder().setDone(8).setRunning(2).build());
  }

  @Test
  void shouldCountEveryItemOnceAllChunksFinishedThoughTheLastChunkIsShorter() {
    assertThat(MapItemReads.items(SPLIT, new MapProgress(3, 3)))
        .isEqualTo(SPLIT.toBuilder().setDone(10).setRunning(0).build());
    assertThat(MapItemReads.items(SPLIT, new MapProgress(3, 0))).isEqualTo(SPLIT);
  }
}

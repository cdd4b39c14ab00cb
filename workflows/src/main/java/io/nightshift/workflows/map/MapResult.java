package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.List;

/**
 * A map node's merged output table, how much went through it, and what its chunks used on each pool (empty for
 * chunks off-pool or on one queue, and in results recorded before).
 */
public record MapResult(ArtifactRef table, int chunks, int rows, List<PoolTally> use) {
  public MapResult {
    use = List.copyOf(use == null ? List.of() : use);
  }
}

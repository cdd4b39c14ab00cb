package io.nightshift.workflows.backends;

import java.util.List;

/**
 * Which pools to report.
 *
 * @param poolIds pools wanted; empty for every pool the answering worker serves
 */
public record InventoryRequest(List<String> poolIds) {
  public InventoryRequest {
    poolIds = List.copyOf(poolIds == null ? List.of() : poolIds);
  }

  public static InventoryRequest all() {
    return new InventoryRequest(List.of());
  }

  public static InventoryRequest of(String poolId) {
    return new InventoryRequest(List.of(poolId));
  }
}

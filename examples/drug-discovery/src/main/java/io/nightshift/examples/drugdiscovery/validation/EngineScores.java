package io.nightshift.examples.drugdiscovery.validation;

import java.util.List;

/**
 * One docking engine's scores over a validation set: molecule ids, scores (lower = predicted binder; a failed
 * docking is {@code +Infinity}), which molecules are actives, and how many dockings failed.
 */
public record EngineScores(String engine, String provenance, List<String> ids, double[] scores, boolean[] active,
    int failed) {
  public EngineScores {
    ids = List.copyOf(ids);
    if (ids.size() != scores.length || scores.length != active.length) {
      throw new IllegalArgumentException(engine + ": " + ids.size() + " ids, " + scores.length + " scores, "
          + active.length + " labels");
    }
  }
}

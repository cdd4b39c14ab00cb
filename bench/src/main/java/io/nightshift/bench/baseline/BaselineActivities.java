package io.nightshift.bench.baseline;

import io.temporal.activity.ActivityInterface;

/** The same no-op work as a Nightshift map chunk: {@code table.filter} keeping every row of a one-row table. */
@ActivityInterface
public interface BaselineActivities {
  /** @return the output artifact's URI */
  String filter(String table);
}

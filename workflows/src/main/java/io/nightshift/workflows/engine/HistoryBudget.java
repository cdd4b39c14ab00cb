package io.nightshift.workflows.engine;

import io.temporal.workflow.Workflow;

/**
 * When a workflow should continue-as-new: when Temporal suggests it (about 4,096 events or 4 MiB) or its history
 * passes the budget, which defaults well below Temporal's 10,240-event warning.
 */
public final class HistoryBudget {
  public static final int DEFAULT_EVENTS = 8_000;

  private HistoryBudget() {}

  /** @param budget events allowed before cutting over; 0 for the default */
  public static boolean exceeded(int budget) {
    var info = Workflow.getInfo();
    return info.isContinueAsNewSuggested() || info.getHistoryLength() > (budget > 0 ? budget : DEFAULT_EVENTS);
  }
}

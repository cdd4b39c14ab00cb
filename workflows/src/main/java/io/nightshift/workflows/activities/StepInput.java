package io.nightshift.workflows.activities;

import java.util.Map;

/**
 * One step call.
 *
 * @param taskId         the task
 * @param step           the step name
 * @param tool           the tool to run
 * @param params         parameters with every reference resolved to an {@code artifact:} URI
 * @param idempotencyKey stable across retries and replays of this step of this task
 * @param demand         the pool units the call holds while it runs; none for calls recorded before leases
 */
public record StepInput(String taskId, String step, String tool, Map<String, String> params, String idempotencyKey,
    UnitDemand demand) {
  public StepInput {
    params = Map.copyOf(params);
    demand = demand == null ? UnitDemand.none() : demand;
  }

  /** The same call, holding these units on the pool it is placed on. */
  public StepInput holding(UnitDemand units) {
    return new StepInput(taskId, step, tool, params, idempotencyKey, units);
  }
}

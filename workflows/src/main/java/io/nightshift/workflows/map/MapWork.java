package io.nightshift.workflows.map;

import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.activities.UnitDemand;
import java.util.Map;
import java.util.Optional;

/**
 * What each chunk of a map step goes through: the same for every node of its tree.
 *
 * @param taskId    the task
 * @param step      the map step
 * @param tool      the tool each chunk goes through
 * @param params    the tool's other parameters, resolved
 * @param itemParam the parameter that receives the chunk
 * @param policy    the step's retry and timeout policy
 * @param taskQueue the accelerator pool's queue the chunks run on; empty for the control workers (null in JSON)
 * @param demand    the units each chunk call holds on that pool while it runs; none off-pool and in maps recorded
 *                  before leases
 */
public record MapWork(String taskId, String step, String tool, Map<String, String> params, String itemParam,
    StepPolicy policy, Optional<String> taskQueue, UnitDemand demand) {
  public MapWork {
    demand = demand == null ? UnitDemand.none() : demand;
    params = Map.copyOf(params);
    taskQueue = taskQueue == null ? Optional.empty() : taskQueue;
  }
}

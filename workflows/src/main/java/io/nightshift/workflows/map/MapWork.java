package io.nightshift.workflows.map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.activities.StepInput;
import io.nightshift.workflows.payload.UnwrappedRecords;
import java.util.HashMap;
import java.util.Map;

/**
 * What each chunk of a map step goes through: the same for every node of its tree. In JSON the placement's fields
 * stand beside the others.
 *
 * @param taskId    the task
 * @param step      the map step
 * @param tool      the tool each chunk goes through
 * @param params    the tool's other parameters, resolved
 * @param itemParam the parameter that receives the chunk
 * @param policy    the step's retry and timeout policy
 * @param placement where the chunk calls run, and the units each holds there
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record MapWork(String taskId, String step, String tool, Map<String, String> params, String itemParam,
    StepPolicy policy, @JsonUnwrapped ChunkPlacement placement) {
  public MapWork {
    params = Map.copyOf(params);
    placement = placement == null ? ChunkPlacement.controlWorkers() : placement;
  }

  /** The same work for one of {@code nodes} nodes that run side by side: under a deadline they share its part. */
  MapWork sharedBy(int nodes) {
    return placement.deadline().isEmpty() ? this : new MapWork(taskId, step, tool, params, itemParam, policy,
        placement.by(placement.deadline().get().sharedBy(nodes)));
  }

  /** The same work under the task's newer plan for its deadline-paced pools. */
  MapWork rescheduled(PoolSchedule schedule) {
    return new MapWork(taskId, step, tool, params, itemParam, policy,
        placement.by(placement.deadline().orElseThrow().rescheduled(schedule)));
  }

  /**
   * The tool call of one chunk: its item parameter set to the chunk (a slice of the table, or a copied chunk's
   * URI), keyed stably by its index in the map.
   */
  StepInput chunkCall(int chunk, String item) {
    Map<String, String> call = new HashMap<>(params);
    call.put(itemParam, item);
    return new StepInput(taskId, step + "[" + chunk + "]", tool, call, taskId + "/" + step + "/chunk-" + chunk,
        placement.demand());
  }
}

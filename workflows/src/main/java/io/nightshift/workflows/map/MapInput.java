package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.StepPolicy;
import java.util.List;
import java.util.Map;

/**
 * One node of a map step's tree: chunks [from, to) of the manifest.
 *
 * @param taskId        the task
 * @param step          the map step
 * @param tool          the tool each chunk goes through
 * @param params        the tool's other parameters, resolved
 * @param itemParam     the parameter that receives the chunk
 * @param manifest      the chunk list written by {@link MapActivities#split}
 * @param from          first chunk (inclusive)
 * @param to            last chunk (exclusive)
 * @param window        tool calls (or child nodes) of this node running at once
 * @param leafChunks    a node with at most this many chunks runs them itself; larger ones split into children
 * @param policy        the step's retry and timeout policy
 * @param done          results of chunks finished in an earlier run of this node (continue-as-new), in order
 * @param taskQueue     the accelerator pool's queue the chunks run on, or null for the control workers
 */
public record MapInput(String taskId, String step, String tool, Map<String, String> params, String itemParam,
    ArtifactRef manifest, int from, int to, int window, int leafChunks, StepPolicy policy, List<ArtifactRef> done,
    String taskQueue) {
  public MapInput {
    params = Map.copyOf(params);
    done = List.copyOf(done == null ? List.of() : done);
  }

  MapInput range(int newFrom, int newTo, int newWindow) {
    return new MapInput(taskId, step, tool, params, itemParam, manifest, newFrom, newTo, newWindow, leafChunks, policy,
        List.of(), taskQueue);
  }

  MapInput continuing(List<ArtifactRef> finished) {
    return new MapInput(taskId, step, tool, params, itemParam, manifest, from, to, window, leafChunks, policy,
        finished, taskQueue);
  }
}

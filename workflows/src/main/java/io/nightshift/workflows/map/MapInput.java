package io.nightshift.workflows.map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.payload.UnwrappedRecords;
import io.nightshift.workflows.map.MapActivities.ChunkRange;
import java.util.List;
import java.util.Optional;

/**
 * One node of a map step's tree. In JSON the parts' fields stand side by side, as recorded before MapInput had
 * parts.
 *
 * @param work       what each chunk goes through
 * @param range      the node's chunks: [from, to) of the manifest {@link MapActivities#split} wrote
 * @param window     tool calls (or child nodes) of this node running at once
 * @param leafChunks a node with at most this many chunks runs them itself; larger ones split into children
 * @param done       results of chunks finished in an earlier run of this node (continue-as-new), in order
 * @param used       what those chunks used on each pool
 */
@JsonDeserialize(using = UnwrappedRecords.class)
public record MapInput(@JsonUnwrapped MapWork work, @JsonUnwrapped ChunkRange range, int window, int leafChunks,
    List<ArtifactRef> done, List<PoolTally> used) {
  public MapInput {
    done = List.copyOf(done == null ? List.of() : done);
    used = List.copyOf(used == null ? List.of() : used);
  }

  /** The root node of a map over chunks [0, chunks) of {@code manifest}. */
  public static MapInput root(MapWork work, ChunkRange range, int window, int leafChunks) {
    return new MapInput(work, range, window, leafChunks, List.of(), List.of());
  }

  /** A child node over chunks [from, to), with its own window, one of {@code siblings} that run side by side. */
  MapInput child(int from, int to, int childWindow, int siblings) {
    return new MapInput(work.sharedBy(siblings), new ChunkRange(range.manifest(), from, to), childWindow, leafChunks,
        List.of(), List.of());
  }

  /** The same node under the task's newer plan for its deadline-paced pools (none without a deadline). */
  MapInput rescheduled(Optional<PoolSchedule> schedule) {
    if (schedule.isEmpty() || work.placement().deadline().isEmpty()) {
      return this;
    }
    return new MapInput(work.rescheduled(schedule.get()), range, window, leafChunks, done, used);
  }

  /** This node's next run, which keeps the results of the chunks it finished and what they used. */
  MapInput continuing(List<ArtifactRef> finished, List<PoolTally> finishedUsed) {
    return new MapInput(work, range, window, leafChunks, finished, finishedUsed);
  }
}

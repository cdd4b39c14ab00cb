package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The bookkeeping of map steps, done where I/O is allowed: cutting a table into chunk artifacts listed in a
 * manifest, reading a range of the manifest, and merging chunk results back into one table. Items never travel
 * through workflow history, only references to chunks of them.
 */
@ActivityInterface
public interface MapActivities {
  /** Failure type of input that cannot be mapped (not a table, tables that do not merge). */
  String MAP_INPUT_ERROR = "MapInputError";

  record SplitRequest(String tableUri, int chunkSize) {}

  /** @param manifest one chunk digest per line, in order */
  record SplitResult(ArtifactRef manifest, int chunks, int rows) {}

  record ChunkRange(ArtifactRef manifest, int from, int to) {}

  record ChunkRefs(List<ArtifactRef> chunks) {}

  record MergeRequest(List<ArtifactRef> parts) {}

  record Merged(ArtifactRef table, int rows) {}

  SplitResult split(SplitRequest request);

  ChunkRefs chunks(ChunkRange range);

  Merged merge(MergeRequest request);
}

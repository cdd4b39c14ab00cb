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

  /**
   * @param manifest one chunk per line, in order: a {@link io.nightshift.core.table.TableSlice} of the table where
   *                 its type is {@code text/x-nightshift-slices}, else a chunk artifact's digest
   */
  record SplitResult(ArtifactRef manifest, int chunks, int rows) {}

  record ChunkRange(ArtifactRef manifest, int from, int to) {}

  /**
   * A range of chunks, as the values their tool calls' item parameter takes: slices of the table (what a split
   * lists now), or chunk artifacts (a split recorded before slices, or one that copied its chunks). Results
   * recorded before slices hold {@code chunks} alone and read as before.
   *
   * @param chunks copied chunks, in order; empty when the chunks are slices
   * @param slices slices of the table ({@code table-slice:...}), in order; empty when the chunks were copied
   */
  record ChunkRefs(List<ArtifactRef> chunks, List<String> slices) {
    public ChunkRefs {
      chunks = List.copyOf(chunks == null ? List.of() : chunks);
      slices = List.copyOf(slices == null ? List.of() : slices);
    }

    static ChunkRefs ofArtifacts(List<ArtifactRef> chunks) {
      return new ChunkRefs(chunks, List.of());
    }

    static ChunkRefs ofSlices(List<String> slices) {
      return new ChunkRefs(List.of(), slices);
    }

    /** Each chunk's item parameter, in order: its slice, or its artifact's URI. */
    public List<String> itemValues() {
      return slices.isEmpty() ? chunks.stream().map(ArtifactRef::uri).toList() : slices;
    }
  }

  record MergeRequest(List<ArtifactRef> parts) {}

  record Merged(ArtifactRef table, int rows) {}

  SplitResult split(SplitRequest request);

  ChunkRefs chunks(ChunkRange range);

  Merged merge(MergeRequest request);
}

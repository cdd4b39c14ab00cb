package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.CsvRows;
import io.nightshift.core.table.CsvStream;
import io.nightshift.core.table.TableSlice;
import io.temporal.failure.ApplicationFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Map bookkeeping over the artifact store. Content addressing makes every call idempotent under retries. A chunk
 * is a slice of the (immutable) table it is cut from, read where its tool runs, not a copy. Tables stream through
 * (read record by record, written as they are read), so a worker's heap does not grow with the size of the table it
 * splits or merges.
 */
public final class MapActivitiesImpl implements MapActivities {
  private static final String CSV = "text/csv";
  /** A manifest of chunk artifacts, one digest per line: what splits wrote before slices, and by copying. */
  private static final String MANIFEST = "text/x-nightshift-manifest";
  /** A manifest of slices of the table, one {@link TableSlice} per line. */
  static final String SLICES = "text/x-nightshift-slices";
  private final ArtifactStore store;

  public MapActivitiesImpl(ArtifactStore store) {
    this.store = store;
  }

  /**
   * Lists the table's chunks as slices of it ({@link SliceManifest}): one pass over the table, no chunk written. A
   * table with bytes that are not UTF-8 has its chunks copied instead ({@link #splitByCopying}): its decoder's
   * stand-ins hide where its rows lie in its bytes, and the copies hold what every reader of it sees.
   */
  @Override
  public SplitResult split(SplitRequest request) {
    ArtifactRef table = table(request.tableUri());
    try (CsvRows rows = open(table)) {
      SliceManifest manifest = new SliceManifest(rows, table.digest(), request.chunkSize());
      ArtifactRef ref = store.put(manifest, SLICES);
      return new SplitResult(ref, manifest.chunks(), Math.toIntExact(manifest.rows()));
    } catch (SliceManifest.OffsetsNotExact e) {
      return splitByCopying(request);
    } catch (ToolException e) {
      throw unreadable("the table to map over", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cuts the table into chunk artifacts listed by digest ({@link SplitManifest}), as every split did before slices. */
  SplitResult splitByCopying(SplitRequest request) {
    try (CsvRows rows = open(table(request.tableUri()))) {
      SplitManifest manifest = new SplitManifest(rows, request.chunkSize(), chunk -> store.put(chunk, CSV));
      ArtifactRef ref = store.put(manifest, MANIFEST);
      return new SplitResult(ref, manifest.chunks(), Math.toIntExact(manifest.rows()));
    } catch (ToolException e) {
      throw unreadable("the table to map over", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The item parameters of chunks [from, to): slices for a manifest of slices, else (a map split before slices, or
   * by copying) the chunk artifacts the manifest lists by digest.
   */
  @Override
  public ChunkRefs chunks(ChunkRange range) {
    List<String> lines = new ArrayList<>(range.to() - range.from());
    try (BufferedReader manifest = new BufferedReader(new InputStreamReader(store.open(range.manifest()),
        StandardCharsets.UTF_8))) {
      for (int i = 0; i < range.to(); i++) {
        String line = manifest.readLine();
        if (line == null) {
          throw new IOException("manifest " + range.manifest().digest() + " lists " + i + " chunks, not "
              + range.to());
        }
        if (i >= range.from()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (SLICES.equals(range.manifest().mediaType())) {
      lines.forEach(TableSlice::parse); // the manifest is ours: a line that is no slice is a broken store
      return ChunkRefs.ofSlices(lines);
    }
    return ChunkRefs.ofArtifacts(InOrder.map(lines.size(), i -> {
      String digest = lines.get(i);
      try {
        return store.find(digest).orElseThrow(() -> new IOException("chunk " + digest + " is missing"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  @Override
  public Merged merge(MergeRequest request) {
    for (ArtifactRef part : request.parts()) {
      if (!CSV.equals(part.mediaType())) {
        throw ApplicationFailure.newNonRetryableFailure("a map step's tool must output a table (text/csv); got "
            + part.mediaType(), MAP_INPUT_ERROR);
      }
    }
    try (MergedRows rows = new MergedRows(store, request.parts())) {
      ArtifactRef table = store.put(new CsvStream(rows), CSV);
      return new Merged(table, Math.toIntExact(rows.rows()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ArtifactRef table(String uri) {
    try {
      return store.resolve(uri);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CsvRows open(ArtifactRef table) throws IOException {
    return CsvRows.open(new InputStreamReader(store.open(table), StandardCharsets.UTF_8));
  }

  private static ApplicationFailure unreadable(String what, ToolException e) {
    return ApplicationFailure.newNonRetryableFailure(what + " is not a readable table: " + e.getMessage(),
        MAP_INPUT_ERROR);
  }
}

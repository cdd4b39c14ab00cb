package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.CsvRows;
import io.nightshift.core.table.CsvStream;
import io.temporal.failure.ApplicationFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Map bookkeeping over the artifact store. Content addressing makes every call idempotent under retries. Tables
 * stream through (read record by record, written as they are read), so a worker's heap does not grow with the size
 * of the table it splits or merges.
 */
public final class MapActivitiesImpl implements MapActivities {
  private static final String CSV = "text/csv";
  private static final String MANIFEST = "text/x-nightshift-manifest";
  private final ArtifactStore store;

  public MapActivitiesImpl(ArtifactStore store) {
    this.store = store;
  }

  @Override
  public SplitResult split(SplitRequest request) {
    try (CsvRows table = open(request.tableUri(), "the table to map over")) {
      SplitManifest manifest = new SplitManifest(table, request.chunkSize(), chunk -> store.put(chunk, CSV));
      ArtifactRef ref = store.put(manifest, MANIFEST);
      return new SplitResult(ref, manifest.chunks(), Math.toIntExact(manifest.rows()));
    } catch (ToolException e) {
      throw unreadable("the table to map over", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ChunkRefs chunks(ChunkRange range) {
    List<String> digests = new ArrayList<>(range.to() - range.from());
    try (BufferedReader manifest = new BufferedReader(new InputStreamReader(store.open(range.manifest()),
        StandardCharsets.UTF_8))) {
      for (int i = 0; i < range.to(); i++) {
        String digest = manifest.readLine();
        if (digest == null) {
          throw new IOException("manifest " + range.manifest().digest() + " lists " + i + " chunks, not "
              + range.to());
        }
        if (i >= range.from()) {
          digests.add(digest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChunkRefs(InOrder.map(digests.size(), i -> {
      String digest = digests.get(i);
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

  private CsvRows open(String uri, String what) {
    try {
      return CsvRows.open(new InputStreamReader(store.open(store.resolve(uri)), StandardCharsets.UTF_8));
    } catch (ToolException e) {
      throw unreadable(what, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApplicationFailure unreadable(String what, ToolException e) {
    return ApplicationFailure.newNonRetryableFailure(what + " is not a readable table: " + e.getMessage(),
        MAP_INPUT_ERROR);
  }
}

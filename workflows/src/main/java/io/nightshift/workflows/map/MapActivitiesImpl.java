package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Map bookkeeping over the artifact store. Content addressing makes every call idempotent under retries. */
public final class MapActivitiesImpl implements MapActivities {
  private static final String CSV = "text/csv";
  private static final String MANIFEST = "text/x-nightshift-manifest";
  private final ArtifactStore store;

  public MapActivitiesImpl(ArtifactStore store) {
    this.store = store;
  }

  @Override
  public SplitResult split(SplitRequest request) {
    Table table = table(request.tableUri(), "the table to map over");
    List<List<String>> rows = table.rows();
    int size = request.chunkSize();
    int chunks = (rows.size() + size - 1) / size;
    List<ArtifactRef> written = InOrder.map(chunks, c -> put(Csv.write(new Table(table.header(),
        rows.subList(c * size, Math.min(rows.size(), (c + 1) * size)))), CSV));
    StringBuilder manifest = new StringBuilder();
    written.forEach(ref -> manifest.append(ref.digest()).append('\n'));
    return new SplitResult(put(manifest.toString(), MANIFEST), chunks, rows.size());
  }

  @Override
  public ChunkRefs chunks(ChunkRange range) {
    String[] digests = text(range.manifest()).split("\n");
    return new ChunkRefs(InOrder.map(range.to() - range.from(), i -> {
      String digest = digests[range.from() + i];
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
    List<Table> tables = InOrder.map(request.parts().size(), i -> table(request.parts().get(i).uri(), "a chunk result"));
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    for (Table t : tables) {
      if (header == null) {
        header = t.header();
      } else if (!header.equals(t.header())) {
        throw ApplicationFailure.newNonRetryableFailure("chunk results have different columns: " + header + " and "
            + t.header(), MAP_INPUT_ERROR);
      }
      rows.addAll(t.rows());
    }
    Table merged = new Table(header == null ? List.of() : header, rows);
    return new Merged(put(Csv.write(merged), CSV), rows.size());
  }

  private Table table(String uri, String what) {
    try {
      return Csv.parse(text(store.resolve(uri)));
    } catch (ToolException e) {
      throw ApplicationFailure.newNonRetryableFailure(what + " is not a readable table: " + e.getMessage(),
          MAP_INPUT_ERROR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String text(ArtifactRef ref) {
    try {
      return new String(store.read(ref), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ArtifactRef put(String text, String mediaType) {
    try {
      return store.put(text.getBytes(StandardCharsets.UTF_8), mediaType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

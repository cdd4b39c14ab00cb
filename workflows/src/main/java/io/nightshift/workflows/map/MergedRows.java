package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.CsvRows;
import io.nightshift.core.table.CsvStream;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The records of a merged table, read part after part as the store asks for them: the first part's header, then
 * every part's rows in order, each part's header checked against the first. Only the row at hand is held, and up
 * to {@link #AHEAD} small parts read ahead on the map's I/O threads (a leaf merges up to a thousand chunk results,
 * one small file each). Without parts the table is one empty record, as merging no tables always gave.
 */
final class MergedRows implements CsvStream.Records, Closeable {
  /** Parts read ahead while the current one is copied. */
  static final int AHEAD = 16;
  /** Parts up to this size are read ahead whole; larger ones (a child node's merged table) stream when reached. */
  static final long READ_AHEAD_BYTES = 1 << 20;

  private final ArtifactStore store;
  private final List<ArtifactRef> parts;
  private final Map<Integer, Future<byte[]>> ahead = new HashMap<>();
  private int part = -1;
  private CsvRows current;
  private List<String> header;
  private long rows;

  MergedRows(ArtifactStore store, List<ArtifactRef> parts) {
    this.store = store;
    this.parts = parts;
  }

  /** Data rows passed on so far: all of them once the records have ended. */
  long rows() {
    return rows;
  }

  @Override
  public List<String> next() throws IOException {
    if (part < 0) {
      part = 0;
      if (parts.isEmpty()) {
        return List.of();
      }
      current = open(0);
      header = current.header();
      return header;
    }
    while (current != null) {
      List<String> row = readRow();
      if (row != null) {
        rows++;
        return row;
      }
      current.close();
      current = ++part < parts.size() ? open(part) : null;
      if (current != null && !header.equals(current.header())) {
        throw ApplicationFailure.newNonRetryableFailure("chunk results have different columns: " + header + " and "
            + current.header(), MapActivities.MAP_INPUT_ERROR);
      }
    }
    return null;
  }

  private List<String> readRow() throws IOException {
    try {
      return current.next();
    } catch (ToolException e) {
      throw unreadable(e);
    }
  }

  private CsvRows open(int index) throws IOException {
    for (int i = index + 1; i <= index + AHEAD && i < parts.size(); i++) {
      if (!ahead.containsKey(i) && parts.get(i).size() <= READ_AHEAD_BYTES) {
        String uri = parts.get(i).uri();
        ahead.put(i, InOrder.submit(() -> store.read(store.resolve(uri))));
      }
    }
    Future<byte[]> read = ahead.remove(index);
    InputStream in = read != null ? new ByteArrayInputStream(InOrder.get(read))
        : store.open(store.resolve(parts.get(index).uri()));
    try {
      return CsvRows.open(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (ToolException e) {
      in.close();
      throw unreadable(e);
    }
  }

  private static ApplicationFailure unreadable(ToolException e) {
    return ApplicationFailure.newNonRetryableFailure("a chunk result is not a readable table: " + e.getMessage(),
        MapActivities.MAP_INPUT_ERROR);
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
    }
    ahead.values().forEach(f -> f.cancel(false));
  }
}

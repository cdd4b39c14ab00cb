package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.CsvRows;
import io.nightshift.core.table.CsvStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A split's manifest (one chunk digest per line, in order), made as the store reads it: each line it needs cuts the
 * next chunks off the table and writes them, a few at once on the map's I/O threads. So the table is read once,
 * front to back, and never held: in memory are at most {@link #AHEAD} chunks waiting for their write (each cut off
 * at {@link #BUFFERED_CHARS}; a longer chunk streams into the store on this thread) and the row at hand. Chunk
 * bytes and boundaries are those of cutting the parsed table: the header, then {@code chunkSize} rows, as
 * {@link Csv#write} writes them.
 */
final class SplitManifest extends ChunkManifest {
  /** Chunk writes in flight: file system calls overlap well even on 2 cores (see {@link InOrder}). */
  static final int AHEAD = 16;
  /** A chunk whose CSV grows past this many characters is streamed into the store rather than buffered. */
  static final int BUFFERED_CHARS = 1 << 20;

  /** Stores one chunk's bytes. */
  @FunctionalInterface
  interface ChunkStore {
    ArtifactRef put(InputStream chunk) throws IOException;
  }

  private final CsvRows table;
  private final int chunkSize;
  private final ChunkStore store;
  private final Deque<Future<ArtifactRef>> writing = new ArrayDeque<>();
  private boolean tableEnded;

  SplitManifest(CsvRows table, int chunkSize, ChunkStore store) {
    this.table = table;
    this.chunkSize = chunkSize;
    this.store = store;
  }

  /** Rows cut so far: all of them once the stream has ended. */
  long rows() {
    return table.rows();
  }

  /** The oldest chunk's digest, once its write is done; cuts and starts writing chunks up to {@link #AHEAD}. */
  @Override
  String nextChunk() throws IOException {
    while (!tableEnded && writing.size() < AHEAD) {
      Future<ArtifactRef> chunk = cutChunk();
      if (chunk != null) {
        writing.add(chunk);
      }
    }
    if (writing.isEmpty()) {
      return null;
    }
    return InOrder.get(writing.poll()).digest();
  }

  /** Cuts the next chunk and starts its write; null at the end of the table. */
  private Future<ArtifactRef> cutChunk() throws IOException {
    List<String> first = table.next();
    if (first == null) {
      tableEnded = true;
      return null;
    }
    StringBuilder csv = new StringBuilder();
    Csv.appendRecord(csv, table.header());
    Csv.appendRecord(csv, first);
    int taken = 1;
    while (taken < chunkSize && csv.length() < BUFFERED_CHARS) {
      List<String> row = table.next();
      if (row == null) {
        tableEnded = true;
        break;
      }
      Csv.appendRecord(csv, row);
      taken++;
    }
    byte[] start = csv.toString().getBytes(StandardCharsets.UTF_8);
    if (taken == chunkSize || tableEnded) {
      return InOrder.submit(() -> store.put(new ByteArrayInputStream(start)));
    }
    int[] left = {chunkSize - taken};
    InputStream rest = new CsvStream(() -> {
      if (left[0] == 0) {
        return null;
      }
      List<String> row = table.next();
      if (row == null) {
        tableEnded = true;
        return null;
      }
      left[0]--;
      return row;
    });
    return CompletableFuture.completedFuture(store.put(new SequenceInputStream(new ByteArrayInputStream(start), rest)));
  }
}

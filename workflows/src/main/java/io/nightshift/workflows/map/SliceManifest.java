package io.nightshift.workflows.map;

import io.nightshift.core.table.CsvRows;
import io.nightshift.core.table.TableSlice;
import java.io.IOException;
import java.util.List;

/**
 * A split's manifest of slices (one {@link TableSlice} per line, in order), made as the store reads it: each line
 * reads the next chunk's rows off the table and notes where they lie in its bytes. Nothing is written but the
 * manifest, so the first chunk can start as soon as the split has read the table once (a copied chunk per item was
 * 10,000 sealed files at chunk_size 1 before the first chunk ran: bench/README.md, per-item section). Boundaries are
 * those {@link SplitManifest} cuts: {@code chunkSize} rows each, blank lines belonging to the chunk they precede.
 */
final class SliceManifest extends ChunkManifest {
  /**
   * The table held bytes that are not UTF-8, so where its rows lie in its bytes is not known exactly: the split
   * copies its chunks instead ({@link MapActivitiesImpl#split}).
   */
  static final class OffsetsNotExact extends IOException {
    OffsetsNotExact(long row) {
      super("the table has bytes that are not UTF-8 before row " + row);
    }
  }

  private final CsvRows table;
  private final String source;
  private final int chunkSize;
  private boolean tableEnded;

  /** @param source the table's digest, which every slice names */
  SliceManifest(CsvRows table, String source, int chunkSize) {
    this.table = table;
    this.source = source;
    this.chunkSize = chunkSize;
  }

  /** Rows read so far: all of them once the stream has ended. */
  long rows() {
    return table.rows();
  }

  /** The next chunk's slice: reads its rows off the table. */
  @Override
  String nextChunk() throws IOException {
    if (tableEnded) {
      return null;
    }
    long fromRow = table.rows();
    long fromByte = table.offset();
    List<String> row = table.next();
    int taken = 0;
    while (row != null) {
      taken++;
      if (taken == chunkSize) {
        break;
      }
      row = table.next();
    }
    if (row == null) {
      tableEnded = true;
    }
    if (taken == 0) {
      return null;
    }
    if (!table.offsetExact()) {
      throw new OffsetsNotExact(table.rows());
    }
    return new TableSlice(source, fromRow, fromRow + taken, fromByte, table.offset()).uri();
  }
}

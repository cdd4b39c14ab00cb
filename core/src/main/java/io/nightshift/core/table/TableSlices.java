package io.nightshift.core.table;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link TableSlice} from the store its table is in: the table's header, then the slice's rows, parsed from
 * its byte range alone (a sealed store seeks to it, see {@link ArtifactStore#open(ArtifactRef, long)}) and written
 * as {@link Csv#write} writes them, so the bytes are those of the chunk a split would have copied. What may read the
 * table may read its slices and nothing else may: the table is looked up in the caller's store like any artifact.
 */
public final class TableSlices {
  /**
   * A table up to this many bytes is read whole on its first slice and kept: a map at chunk_size 1 reads one slice
   * per item, and opening a sealed table at a slice decrypts the 64 KiB segment it lies in, about 100 us, for a row
   * of 20 bytes (measured under load in bench/README.md, per-item section). A larger table is read at each slice.
   */
  static final int KEPT_TABLE_BYTES = 2 << 20;
  /** Tables kept at most: a worker runs the chunks of a few maps at once. */
  private static final int TABLES_KEPT = 8;
  /** Tables whose header is kept: a map's chunks are slices of one table, read thousands of times. */
  private static final int HEADERS_KEPT = 64;
  /** Header by table digest: content-addressed, so a table's header never changes. */
  private static final Map<String, List<String>> HEADERS = lru(HEADERS_KEPT);
  /**
   * Small tables' bytes by digest, the same in every store that holds them; a slice still asks its own store for
   * its table first, so a store that lacks the table refuses the slice whatever is kept here.
   */
  private static final Map<String, byte[]> TABLES = lru(TABLES_KEPT);

  private TableSlices() {}

  /**
   * The slice's CSV bytes, streamed: header, rows. The stream fails (permanently, as {@link ToolException}) when the
   * byte range does not hold exactly the slice's rows of the table's width, and with an {@link IOException} when the
   * table is not in {@code store}.
   */
  public static InputStream open(ArtifactStore store, TableSlice slice) throws IOException {
    ArtifactRef table = store.find(slice.source())
        .orElseThrow(() -> new IOException("the table " + slice.source() + " that " + slice.uri()
            + " is a slice of is not in the store"));
    if (slice.toByte() > table.size()) {
      throw ToolException.permanent("the slice " + slice.uri() + " ends past its table's " + table.size()
          + " bytes");
    }
    List<String> header = header(store, table);
    long length = slice.toByte() - slice.fromByte();
    InputStream bytes = table.size() <= KEPT_TABLE_BYTES
        ? new ByteArrayInputStream(kept(store, table), (int) slice.fromByte(), (int) length)
        : new Bounded(store.open(table, slice.fromByte()), length);
    CsvRows rows = CsvRows.continuing(new InputStreamReader(bytes, StandardCharsets.UTF_8), header);
    long[] read = {0};
    CsvStream.Records checked = () -> {
      List<String> row = rows.next();
      if (row != null && ++read[0] > slice.rows()) {
        throw ToolException.permanent("the slice " + slice.uri() + " holds more than " + slice.rows()
            + " rows: its bytes are not those rows of its table");
      }
      if (row == null && read[0] != slice.rows()) {
        throw ToolException.permanent("the slice " + slice.uri() + " holds " + read[0] + " rows, not "
            + slice.rows() + ": its bytes are not those rows of its table");
      }
      return row;
    };
    return new FilterInputStream(CsvStream.of(header, checked)) {
      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
  }

  /** The slice's whole CSV bytes: for a chunk small enough to hold. */
  public static byte[] read(ArtifactStore store, TableSlice slice) throws IOException {
    try (InputStream in = open(store, slice)) {
      return in.readAllBytes();
    }
  }

  private static byte[] kept(ArtifactStore store, ArtifactRef table) throws IOException {
    synchronized (TABLES) {
      byte[] kept = TABLES.get(table.digest());
      if (kept != null) {
        return kept;
      }
    }
    byte[] bytes = store.read(table); // checked whole: its tag (sealed) or its digest (plain)
    synchronized (TABLES) {
      TABLES.put(table.digest(), bytes);
    }
    return bytes;
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  private static List<String> header(ArtifactStore store, ArtifactRef table) throws IOException {
    synchronized (HEADERS) {
      List<String> kept = HEADERS.get(table.digest());
      if (kept != null) {
        return kept;
      }
    }
    List<String> header;
    try (CsvRows rows = CsvRows.open(new InputStreamReader(store.open(table), StandardCharsets.UTF_8))) {
      header = rows.header();
    }
    synchronized (HEADERS) {
      HEADERS.put(table.digest(), header);
    }
    return header;
  }

  /** At most {@code left} bytes of a stream, which it then closes with this one. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      left -= b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      left -= Math.max(n, 0);
      return n;
    }
  }
}

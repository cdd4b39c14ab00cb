package io.nightshift.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV bytes made on demand from records pulled one at a time: what an artifact store's {@code put(InputStream)}
 * reads to store a table that is never whole in memory. Each record is written as {@link Csv#write} writes it, so
 * a table streamed through here has the same bytes (and the same content address) as one written at once.
 */
public final class CsvStream extends InputStream {
  /** Where the records come from, in order; null after the last. */
  @FunctionalInterface
  public interface Records {
    List<String> next() throws IOException;
  }

  private final Records records;
  private final StringBuilder line = new StringBuilder();
  private byte[] bytes = new byte[0];
  private int position;
  private boolean ended;

  public CsvStream(Records records) {
    this.records = records;
  }

  /** The header, then every row of {@code rows}. */
  public static CsvStream of(List<String> header, Records rows) {
    boolean[] headerSent = {false};
    return new CsvStream(() -> {
      if (!headerSent[0]) {
        headerSent[0] = true;
        return header;
      }
      return rows.next();
    });
  }

  @Override
  public int read() throws IOException {
    return fill() ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len && fill()) {
      int take = Math.min(len - n, bytes.length - position);
      System.arraycopy(bytes, position, b, off + n, take);
      position += take;
      n += take;
    }
    return n == 0 ? -1 : n;
  }

  /** True when bytes are ready; encodes the next record when the last one is used up. */
  private boolean fill() throws IOException {
    while (position >= bytes.length) {
      if (ended) {
        return false;
      }
      List<String> record = records.next();
      if (record == null) {
        ended = true;
        return false;
      }
      line.setLength(0);
      Csv.appendRecord(line, record);
      bytes = line.toString().getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }
}

package io.nightshift.core.table;

import io.nightshift.core.files.PulledInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV bytes made on demand from records pulled one at a time: what an artifact store's {@code put(InputStream)}
 * reads to store a table that is never whole in memory. Each record is written as {@link Csv#write} writes it, so
 * a table streamed through here has the same bytes (and the same content address) as one written at once.
 */
public final class CsvStream extends PulledInputStream {
  /** Where the records come from, in order; null after the last. */
  @FunctionalInterface
  public interface Records {
    List<String> next() throws IOException;
  }

  private final Records records;
  private final StringBuilder line = new StringBuilder();

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

  /** The next record, encoded as {@link Csv#write} writes it. */
  @Override
  protected byte[] nextPiece() throws IOException {
    List<String> record = records.next();
    if (record == null) {
      return null;
    }
    line.setLength(0);
    Csv.appendRecord(line, record);
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }
}

package io.nightshift.core.table;

import io.nightshift.core.error.ToolException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A CSV table read row by row: the header first, then each data row checked against it, blank lines skipped (the
 * rules of {@link Csv#parse}, which collects these rows). Only the current row is held.
 */
public final class CsvRows implements Closeable {
  private final CsvReader records;
  private final List<String> header;
  /** Records read after the header, blank ones included: the row number errors name, as {@link Csv#parse} did. */
  private int index;
  private long rows;

  private CsvRows(CsvReader records, List<String> header) {
    this.records = records;
    this.header = List.copyOf(header);
  }

  /** Reads the header row; fails (permanently) on an input with no record at all. */
  public static CsvRows open(Reader in) throws IOException {
    CsvReader records = new CsvReader(in);
    try {
      List<String> header = records.next();
      if (header == null) {
        throw ToolException.permanent("CSV is empty: it needs a header row");
      }
      return new CsvRows(records, header);
    } catch (IOException | RuntimeException e) {
      records.close();
      throw e;
    }
  }

  /**
   * The rows of a table whose header was read elsewhere, from a reader placed where a row starts (a slice of the
   * table's bytes: {@link TableSlice}); rows are checked against {@code header} as {@link #next()} checks them.
   */
  public static CsvRows continuing(Reader in, List<String> header) {
    return new CsvRows(new CsvReader(in), header);
  }

  /** Where the next record starts in the input's UTF-8 bytes; see {@link CsvReader#offset()}. */
  public long offset() {
    return records.offset();
  }

  /** Whether {@link #offset()} is exact; see {@link CsvReader#offsetExact()}. */
  public boolean offsetExact() {
    return records.offsetExact();
  }

  public List<String> header() {
    return header;
  }

  /** The next data row, or null after the last; fails (permanently) on a row whose width is not the header's. */
  public List<String> next() throws IOException {
    for (List<String> r = records.next(); r != null; r = records.next()) {
      index++;
      if (r.size() == 1 && r.get(0).isEmpty()) {
        continue;
      }
      if (r.size() != header.size()) {
        throw ToolException.permanent("CSV row " + index + " has " + r.size() + " fields; the header has "
            + header.size());
      }
      rows++;
      return r;
    }
    return null;
  }

  /** Data rows returned so far. */
  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}

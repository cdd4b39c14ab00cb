package io.nightshift.core.table;

import io.nightshift.core.error.ToolException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read one at a time from a character stream, so a table of any length is cut, merged or copied
 * while only the record at hand is in memory (a million-row table parsed whole left the map's worker hundreds of MiB
 * of strings). The one CSV grammar of the project: {@link Csv#parse} reads through it too.
 */
public final class CsvReader implements Closeable {
  private final Reader in;
  private final char[] buffer = new char[8192];
  private int position;
  private int length;
  /** UTF-8 bytes of the characters consumed so far: where in the input's bytes the next record starts. */
  private long offset;
  /** Whether a U+FFFD was consumed: a decoder's stand-in for bytes that were not UTF-8, of unknown length. */
  private boolean replaced;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /**
   * The next record's fields, or null at the end of the input. A line that is empty gives one empty field; the
   * last record needs no line break.
   *
   * @throws ToolException (permanent) when the input ends inside a quoted field
   */
  public List<String> next() throws IOException {
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int c = read(); c >= 0; c = read()) {
      if (quoted) {
        if (c == '"' && peek() == '"') {
          field.append('"');
          position++;
          offset++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          position++;
          offset++;
        }
        record.add(field.toString());
        return record;
      } else {
        field.append((char) c);
      }
    }
    if (quoted) {
      throw ToolException.permanent("CSV ends inside a quoted field");
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      return record;
    }
    return null;
  }

  /**
   * Where the next record starts in the input's UTF-8 bytes (what a map's split records to read a chunk later
   * without copying it): the bytes of every character consumed, a surrogate pair counting its 4. Exact while
   * {@link #offsetExact()}.
   */
  public long offset() {
    return offset;
  }

  /**
   * False once the input held a U+FFFD: a decoder puts one in for each run of bytes that are not UTF-8, whose
   * length it does not say, so from there on {@link #offset()} may miss the input's bytes.
   */
  public boolean offsetExact() {
    return !replaced;
  }

  private int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      position++;
      offset += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate((char) c) ? 2 : 3;
      replaced |= c == 0xFFFD;
    }
    return c;
  }

  private int peek() throws IOException {
    while (position >= length) {
      length = in.read(buffer, 0, buffer.length);
      position = 0;
      if (length < 0) {
        length = 0;
        return -1;
      }
    }
    return buffer[position];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

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

  private int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      position++;
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

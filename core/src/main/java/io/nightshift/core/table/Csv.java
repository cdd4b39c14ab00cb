package io.nightshift.core.table;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. Whole tables in memory; for tables
 * that may be large, {@link CsvRows} reads and {@link CsvStream} writes one record at a time, by the same rules.
 */
public final class Csv {
  private Csv() {}

  public static Table parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    try (CsvRows in = CsvRows.open(new StringReader(text))) {
      for (List<String> r = in.next(); r != null; r = in.next()) {
        rows.add(r);
      }
      return new Table(in.header(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringReader does not fail", e);
    }
  }

  public static String write(Table table) {
    StringBuilder sb = new StringBuilder();
    appendRecord(sb, table.header());
    table.rows().forEach(r -> appendRecord(sb, r));
    return sb.toString();
  }

  /** Appends one record as {@link #write} writes it: fields quoted only where they must be, then a line feed. */
  public static void appendRecord(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields.get(i);
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append('\n');
  }
}

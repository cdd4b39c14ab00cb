package io.nightshift.core.table;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows {@code [fromRow, toRow)} of a stored CSV table, found at bytes {@code [fromByte, toByte)} of it: a map's chunk
 * as a view of the table it was cut from rather than a copy. The table is immutable and content-addressed, so the
 * view reads the same rows on every retry and every worker; read through {@link TableSlices}, it gives the bytes a
 * copied chunk would have had (the table's header, then the rows, as {@link Csv#write} writes them).
 *
 * <p>Its one text form, {@code table-slice:sha256:<64 hex>;rows=<from>-<to>;bytes=<from>-<to>}, travels as a map
 * chunk's item parameter and is parsed only by {@link #parse}, which refuses anything else naming the field.
 *
 * @param source   the table's digest, {@code sha256:<64 lowercase hex>}
 * @param fromRow  the first data row (0 is the row after the header)
 * @param toRow    one past the last row; more than {@code fromRow}
 * @param fromByte where the first row starts in the table's bytes
 * @param toByte   where the slice ends (after the last row's line break, or the table's end); more than
 *                 {@code fromByte}
 */
public record TableSlice(String source, long fromRow, long toRow, long fromByte, long toByte) {
  /** Prefix of the text form: not {@code artifact:}, so nothing takes a slice for a stored artifact's URI. */
  public static final String PREFIX = "table-slice:";
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final String NUMBER = "(0|[1-9][0-9]{0,17})";
  private static final Pattern RANGE = Pattern.compile(NUMBER + "-" + NUMBER);

  public TableSlice {
    Objects.requireNonNull(source, "source");
    if (!DIGEST.matcher(source).matches()) {
      throw refused("source", "sha256:<64 lowercase hex>", source);
    }
    if (fromRow < 0 || toRow <= fromRow) {
      throw refused("rows", "FROM-TO with 0 <= FROM < TO", fromRow + "-" + toRow);
    }
    if (fromByte < 0 || toByte <= fromByte) {
      throw refused("bytes", "FROM-TO with 0 <= FROM < TO", fromByte + "-" + toByte);
    }
  }

  /** Whether {@code text} claims to be a slice (it may still be refused by {@link #parse}). */
  public static boolean isSlice(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /**
   * The slice {@code text} names.
   *
   * @throws IllegalArgumentException naming the field ({@code source}, {@code rows}, {@code bytes}) that is missing
   *                                  or malformed, or the prefix when {@code text} is no slice at all
   */
  public static TableSlice parse(String text) {
    if (!isSlice(text)) {
      throw new IllegalArgumentException("a table slice starts with '" + PREFIX + "', was '" + text + "'");
    }
    String[] fields = text.substring(PREFIX.length()).split(";", -1);
    String source = fields[0];
    if (!DIGEST.matcher(source).matches()) {
      throw refused("source", "sha256:<64 lowercase hex>", source);
    }
    long[] rows = range(fields, 1, "rows");
    long[] bytes = range(fields, 2, "bytes");
    if (fields.length > 3) {
      throw new IllegalArgumentException("a table slice has the fields source;rows=;bytes= and nothing after"
          + " them, was '" + text + "'");
    }
    return new TableSlice(source, rows[0], rows[1], bytes[0], bytes[1]);
  }

  /** The text form, which {@link #parse} reads back. */
  public String uri() {
    return PREFIX + source + ";rows=" + fromRow + "-" + toRow + ";bytes=" + fromByte + "-" + toByte;
  }

  /** How many rows the slice holds. */
  public long rows() {
    return toRow - fromRow;
  }

  @Override
  public String toString() {
    return uri();
  }

  private static long[] range(String[] fields, int index, String name) {
    String field = index < fields.length ? fields[index] : "";
    String value = field.startsWith(name + "=") ? field.substring(name.length() + 1) : null;
    Matcher m = value == null ? null : RANGE.matcher(value);
    if (m == null || !m.matches()) {
      throw refused(name, name + "=FROM-TO (decimal, no leading zeros)", field);
    }
    long from = Long.parseLong(m.group(1));
    long to = Long.parseLong(m.group(2));
    if (to <= from) {
      throw refused(name, "FROM-TO with FROM < TO", value);
    }
    return new long[] {from, to};
  }

  private static IllegalArgumentException refused(String field, String expected, String was) {
    return new IllegalArgumentException("table slice field '" + field + "' must be " + expected + ", was '" + was
        + "'");
  }
}

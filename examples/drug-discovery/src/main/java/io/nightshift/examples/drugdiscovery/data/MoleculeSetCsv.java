package io.nightshift.examples.drugdiscovery.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The CSV form of a {@link MoleculeSet} (RFC 4180 quoting, UTF-8, LF line ends). Columns: {@code id, smiles,
 * name, parents, origin}, then every property key in sorted order. Parents are joined with {@code |}. The output
 * depends only on the content, so equal sets give byte-equal files and equal artifact digests.
 */
public final class MoleculeSetCsv {
  public static final String MEDIA_TYPE = "text/csv";
  private static final List<String> FIXED = List.of("id", "smiles", "name", "parents", "origin");

  private MoleculeSetCsv() {}

  public static byte[] write(MoleculeSet set) {
    return write(set, List.of());
  }

  /**
   * Writes the set with at least the given property columns, even where every row leaves them empty. A map step
   * merges its chunks' tables only when their headers are equal, so a tool run per chunk must not let its header
   * depend on which rows happened to land in the chunk.
   */
  public static byte[] write(MoleculeSet set, Collection<String> columns) {
    TreeSet<String> keys = new TreeSet<>(columns);
    FIXED.forEach(keys::remove);
    set.candidates().forEach(c -> keys.addAll(c.properties().keySet()));
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(FIXED);
    header.addAll(keys);
    appendRow(out, header);
    for (Candidate c : set.candidates()) {
      List<String> row = new ArrayList<>(List.of(c.id(), c.smiles(), c.name(), String.join("|", c.parents()),
          c.origin()));
      for (String key : keys) {
        row.add(c.properties().getOrDefault(key, ""));
      }
      appendRow(out, row);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a molecule-set CSV. Needs at least the {@code smiles} column; a missing {@code id} is taken from the
   * name or the row number, so hand-written files (a name and a SMILES per line) are accepted too.
   *
   * @throws IllegalArgumentException naming the line when the file is malformed
   */
  public static MoleculeSet read(byte[] content) {
    List<List<String>> rows = parse(new String(content, StandardCharsets.UTF_8));
    if (rows.isEmpty()) {
      return MoleculeSet.empty();
    }
    List<String> header = rows.get(0);
    int smiles = header.indexOf("smiles");
    if (smiles < 0) {
      throw new IllegalArgumentException("molecule CSV needs a 'smiles' column; header was " + header);
    }
    int id = header.indexOf("id");
    int name = header.indexOf("name");
    int parents = header.indexOf("parents");
    int origin = header.indexOf("origin");
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "line " + (r + 1) + " has " + row.size() + " fields, the header has " + header.size());
      }
      TreeMap<String, String> properties = new TreeMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (!FIXED.contains(header.get(i)) && !row.get(i).isEmpty()) {
          properties.put(header.get(i), row.get(i));
        }
      }
      String nameValue = name >= 0 ? row.get(name) : "";
      String idValue = id >= 0 && !row.get(id).isBlank() ? row.get(id)
          : !nameValue.isBlank() ? nameValue : "row" + r;
      if (row.get(smiles).isBlank()) {
        throw new IllegalArgumentException("line " + (r + 1) + " (" + idValue + ") has an empty smiles field");
      }
      List<String> parentIds = parents >= 0 && !row.get(parents).isBlank()
          ? Arrays.asList(row.get(parents).split("\\|")) : List.of();
      candidates.add(new Candidate(idValue, row.get(smiles).strip(), nameValue, parentIds,
          origin >= 0 ? row.get(origin) : "", properties));
    }
    return new MoleculeSet(candidates);
  }

  /** The property columns named in a molecule CSV's header (empty for an empty file). */
  public static List<String> propertyColumns(byte[] content) {
    List<List<String>> rows = parse(new String(content, StandardCharsets.UTF_8));
    return rows.isEmpty() ? List.of() : rows.get(0).stream().filter(c -> !c.isBlank() && !FIXED.contains(c)).toList();
  }

  private static void appendRow(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = fields.get(i);
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append('\n');
  }

  /** RFC 4180 records; blank lines and lines starting with '#' (outside quotes) are skipped. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean atLineStart = true;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (atLineStart && !quoted && ch == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        line++;
        continue;
      }
      atLineStart = false;
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        if (field.length() > 0) {
          throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted field");
        }
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(rows, row, field);
        row = new ArrayList<>();
        line++;
        atLineStart = true;
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + line + ": unterminated quoted field");
    }
    endRow(rows, row, field);
    return rows;
  }

  private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field) {
    row.add(field.toString());
    field.setLength(0);
    boolean blank = row.size() == 1 && row.get(0).isBlank();
    if (!blank) {
      rows.add(row);
    }
  }
}

package io.nightshift.core.table;

import io.nightshift.core.error.ToolException;
import java.util.List;

/**
 * A small in-memory table: a header and rows of strings, as read from CSV. Tools that need numbers parse the
 * columns they use and say which row and column failed.
 */
public record Table(List<String> header, List<List<String>> rows) {
  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw ToolException.permanent("no column '" + name + "'; columns are " + header);
    }
    return i;
  }

  public double number(int row, int column) {
    String v = rows.get(row).get(column).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw ToolException.permanent("row " + (row + 1) + " column '" + header.get(column)
          + "' is not a number: '" + v + "'");
    }
  }

  public boolean isNumeric(int column) {
    if (rows.isEmpty()) {
      return false;
    }
    for (List<String> r : rows) {
      try {
        Double.parseDouble(r.get(column).trim());
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}

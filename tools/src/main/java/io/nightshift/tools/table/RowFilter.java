package io.nightshift.tools.table;

import io.nightshift.core.table.Table;
import io.nightshift.core.error.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row condition such as {@code mw <= 500 and logp <= 5 and name != 'aspirin'}: clauses joined by
 * {@code and}, each {@code column op value}, numeric when the value is a number, text when quoted.
 */
public final class RowFilter {
  private static final Pattern CLAUSE =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(<=|>=|==|!=|<|>)\\s*('([^']*)'|[-+0-9.eE]+)\\s*");

  private RowFilter() {}

  public static Predicate<List<String>> compile(String expression, Table table) {
    List<Predicate<List<String>>> clauses = new ArrayList<>();
    for (String clause : expression.split("(?i)\\s+and\\s+")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw ToolException.permanent("cannot read condition '" + clause.trim()
            + "'; write COLUMN OP VALUE with OP one of < <= > >= == != and text values in single quotes");
      }
      int col = table.column(m.group(1));
      String op = m.group(2);
      if (m.group(4) != null) {
        String text = m.group(4);
        clauses.add(row -> compareText(op, row.get(col), text, clause));
      } else {
        double value = Double.parseDouble(m.group(3));
        clauses.add(row -> compareNumber(op, parse(row.get(col), m.group(1)), value));
      }
    }
    return row -> clauses.stream().allMatch(c -> c.test(row));
  }

  private static double parse(String v, String column) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw ToolException.permanent("column '" + column + "' has a non-numeric value '" + v + "'");
    }
  }

  private static boolean compareNumber(String op, double a, double b) {
    return switch (op) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      default -> a != b;
    };
  }

  private static boolean compareText(String op, String a, String b, String clause) {
    return switch (op) {
      case "==" -> a.equals(b);
      case "!=" -> !a.equals(b);
      default -> throw ToolException.permanent("'" + clause.trim().toLowerCase(Locale.ROOT)
          + "': text values only compare with == or !=");
    };
  }
}

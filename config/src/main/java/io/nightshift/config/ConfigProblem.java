package io.nightshift.config;

/**
 * One thing wrong with a configuration file, precise enough to fix.
 *
 * @param path    the key path from the file's root, e.g. {@code pools[gpu].properties.price-per-unit-hour}; empty
 *                for the file as a whole
 * @param line    1-based line, 0 when unknown
 * @param message what is wrong, naming the value that was there: {@code must be a number >= 0, was '-1'}
 */
public record ConfigProblem(String path, int line, String message) {
  /** {@code path (line n)}, either part left out when unknown. */
  public String where() {
    String at = line > 0 ? "(line " + line + ")" : "";
    return path.isEmpty() ? at : at.isEmpty() ? path : path + " " + at;
  }

  @Override
  public String toString() {
    String where = where();
    return where.isEmpty() ? message : where + ": " + message;
  }
}

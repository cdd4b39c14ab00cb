package io.nightshift.config;

import java.util.List;

/**
 * A configuration file that cannot be used, with every problem found in it. The message names the file and lists
 * the problems, one a line when there are several.
 */
public final class ConfigException extends IllegalArgumentException {
  private final String source;
  private final List<ConfigProblem> problems;

  /** @param source what was read, as people name it: {@code backends file /etc/nightshift/backends.yaml} */
  public ConfigException(String source, List<ConfigProblem> problems) {
    this(message(source, problems), source, problems, null);
  }

  private ConfigException(String message, String source, List<ConfigProblem> problems, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file could not be read at all. */
  static ConfigException unreadable(String source, Exception cause) {
    return new ConfigException("cannot read " + source + " (" + cause + ")", source,
        List.of(new ConfigProblem("", 0, "cannot read it (" + cause + ")")), cause);
  }

  public String source() {
    return source;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(String source, List<ConfigProblem> problems) {
    if (problems.size() != 1) {
      return source + ": " + problems.size() + " problems:\n  "
          + String.join("\n  ", problems.stream().map(ConfigProblem::toString).toList());
    }
    ConfigProblem p = problems.get(0);
    // "backends file F (line 3): YAML syntax error" reads better than "backends file F: (line 3): ..."
    return p.path().isEmpty() && p.line() > 0 ? source + " " + p : source + ": " + p;
  }
}

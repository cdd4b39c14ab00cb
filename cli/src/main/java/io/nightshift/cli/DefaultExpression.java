package io.nightshift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A picocli {@code defaultValue} as written in the annotation, e.g. {@code ${env:NIGHTSHIFT_UI_PORT:-8080}}: the
 * environment variables it reads, in the order it tries them, and the fallback when none is set. Read from the
 * annotation's text rather than the interpolated value, so the reference does not depend on this machine's
 * environment or home directory.
 */
record DefaultExpression(List<String> variables, Optional<String> fallback) {
  private static final String ENV = "${env:";
  private static final String HOME = "${sys:user.home}";

  static DefaultExpression parse(String original) {
    List<String> variables = new ArrayList<>();
    String rest = original;
    while (rest != null && rest.startsWith(ENV) && rest.endsWith("}")) {
      String inner = rest.substring(ENV.length(), rest.length() - 1);
      int fallback = inner.indexOf(":-");
      variables.add(fallback < 0 ? inner : inner.substring(0, fallback));
      rest = fallback < 0 ? null : inner.substring(fallback + 2);
    }
    Optional<String> literal = Optional.ofNullable(rest).filter(s -> !s.isEmpty()).map(s -> s.replace(HOME, "~"));
    return new DefaultExpression(List.copyOf(variables), literal);
  }
}

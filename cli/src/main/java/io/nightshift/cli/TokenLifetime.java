package io.nightshift.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --expires}: {@code 30d}, {@code 12h}, {@code 90m}, or an ISO-8601 duration ({@code P30D}, {@code PT12H}). */
final class TokenLifetime {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhm])");

  private TokenLifetime() {}

  static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofMinutes(n);
      };
    }
    try {
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--expires must be like 30d, 12h, 90m or an ISO-8601 duration (P30D),"
          + " was '" + text + "'");
    }
  }
}

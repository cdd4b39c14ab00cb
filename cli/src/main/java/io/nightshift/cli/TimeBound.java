package io.nightshift.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A time a flag names: an RFC 3339 instant ({@code 2026-12-05T08:00:00Z}) or a span back from now ({@code 90m},
 * {@code 2h}, {@code 7d}), read once when the flag is parsed.
 */
final class TimeBound implements ITypeConverter<Instant> {
  private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhd])");

  @Override
  public Instant convert(String value) {
    return parse(value, Instant.now());
  }

  static Instant parse(String value, Instant now) {
    Matcher ago = AGO.matcher(value.toLowerCase(Locale.ROOT));
    if (ago.matches()) {
      long n = Long.parseLong(ago.group(1));
      Duration span = switch (ago.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      return now.minus(span);
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is neither an RFC 3339 time (2026-12-05T08:00:00Z) nor a"
          + " span back from now (90m, 2h, 7d)");
    }
  }
}

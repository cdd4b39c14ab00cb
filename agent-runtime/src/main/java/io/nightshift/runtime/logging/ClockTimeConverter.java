package io.nightshift.runtime.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * {@code %clock} in the text format: the line's time of day as {@code HH:mm:ss.SSS} in the JVM's zone, what
 * {@code %d{HH:mm:ss.SSS}} writes. Logback's date converter formats every millisecond anew through
 * {@code DateTimeFormatter}, whose fraction printer goes through {@code BigDecimal}: under a map of single-item
 * chunks (two lines a step) that was 2 % of the worker's CPU samples. This one works out the zone and the
 * {@code HH:mm:ss.} once a second and appends the three digits of the millisecond.
 */
public final class ClockTimeConverter extends ClassicConverter {
  private final ZoneId zone;
  private volatile Second last = new Second(Long.MIN_VALUE, "");

  public ClockTimeConverter() {
    this(ZoneId.systemDefault());
  }

  ClockTimeConverter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String convert(ILoggingEvent event) {
    return format(event.getTimeStamp());
  }

  String format(long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000);
    Second second = last;
    if (second.epochSecond != epochSecond) {
      second = Second.of(epochSecond, zone);
      last = second;
    }
    int millis = (int) Math.floorMod(epochMillis, 1000);
    return new StringBuilder(12).append(second.prefix)
        .append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10)).toString();
  }

  /** One second's {@code HH:mm:ss.}, kept together with the second it is for (one immutable pair: no tearing). */
  private record Second(long epochSecond, String prefix) {
    static Second of(long epochSecond, ZoneId zone) {
      LocalTime time = LocalTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
      return new Second(epochSecond, twoDigits(time.getHour()) + ':' + twoDigits(time.getMinute()) + ':'
          + twoDigits(time.getSecond()) + '.');
    }

    private static String twoDigits(int value) {
      return value < 10 ? "0" + value : Integer.toString(value);
    }
  }
}

package io.nightshift.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code %clock} writes what {@code %d{HH:mm:ss.SSS}} wrote, in any zone, across seconds and clock changes. */
class ClockTimeConverterTest {
  private static final DateTimeFormatter LOGBACK_PATTERN = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  @Test
  void shouldWriteTheTimeOfDayAsTheDatePatternDidAtEveryMillisecondOfASecondBoundary() {
    ZoneId zone = ZoneId.of("Asia/Kolkata"); // an offset of half an hour: the hour is not the UTC hour
    ClockTimeConverter clock = new ClockTimeConverter(zone);
    long start = Instant.parse("2026-12-06T13:59:58.990Z").toEpochMilli();
    for (long millis = start; millis < start + 1_100; millis++) {
      assertThat(clock.format(millis)).isEqualTo(expected(millis, zone));
    }
  }

  @Test
  void shouldFollowTheZonesClockChangeAndTimesBefore1970() {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    ClockTimeConverter clock = new ClockTimeConverter(zone);
    long lastSummerSecond = Instant.parse("2026-10-25T00:59:59.999Z").toEpochMilli(); // 02:59:59.999 CEST
    assertThat(clock.format(lastSummerSecond)).isEqualTo("02:59:59.999");
    assertThat(clock.format(lastSummerSecond + 1)).isEqualTo("02:00:00.000"); // 02:00 CET, an hour back
    long beforeEpoch = Instant.parse("1969-12-31T23:59:59.007Z").toEpochMilli();
    assertThat(clock.format(beforeEpoch)).isEqualTo(expected(beforeEpoch, zone));
  }

  @Test
  void shouldAgreeWithTheDatePatternOnTimesInAnyOrder() {
    ZoneId zone = ZoneId.of("America/St_Johns");
    ClockTimeConverter clock = new ClockTimeConverter(zone);
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 10_000; i++) {
      long millis = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
      assertThat(clock.format(millis)).isEqualTo(expected(millis, zone));
    }
  }

  private static String expected(long millis, ZoneId zone) {
    return LOGBACK_PATTERN.format(Instant.ofEpochMilli(millis).atZone(zone));
  }
}

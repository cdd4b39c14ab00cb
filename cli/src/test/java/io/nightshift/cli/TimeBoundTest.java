package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** What --since and --until accept: an RFC 3339 time, or a span back from now. */
class TimeBoundTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  @Test
  void shouldReadSpansBackFromNowAndRfc3339Times() {
    assertThat(TimeBound.parse("90m", NOW)).isEqualTo(Instant.parse("2026-12-05T10:30:00Z"));
    assertThat(TimeBound.parse("2H", NOW)).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
    assertThat(TimeBound.parse("7d", NOW)).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    assertThat(TimeBound.parse("2026-12-01T08:00:00.5Z", NOW)).isEqualTo(Instant.parse("2026-12-01T08:00:00.500Z"));
  }

  @Test
  void shouldSayWhatItTakesForAnythingElse() {
    assertThatThrownBy(() -> TimeBound.parse("yesterday", NOW)).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("RFC 3339").hasMessageContaining("90m");
  }
}

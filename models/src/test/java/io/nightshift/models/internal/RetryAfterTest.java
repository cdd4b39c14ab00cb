package io.nightshift.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void shouldReadDelaySeconds() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 1.5 ", clock)).contains(Duration.ofMillis(1500));
  }

  @Test
  void shouldReadAnHttpDateAsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 12:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
  }

  @Test
  void shouldTreatAPastDateAsRetryNow() {
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 11:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void shouldIgnoreGarbageAndNegativeValues() {
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-3", clock)).isEmpty();
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
  }
}

package io.nightshift.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Range headers the UI's downloads honour; anything else is ignored and the whole artifact is sent. */
class ByteRangeTest {
  private static final String ETAG = "\"sha256:" + "a".repeat(64) + "\"";

  @Test
  void shouldTakeAnOpenRangeAndAClosedOne() {
    assertThat(ByteRange.of("bytes=1024-", null, ETAG)).contains(new ByteRange(1024, -1));
    assertThat(ByteRange.of("bytes=1024-", null, ETAG).orElseThrow().length()).isZero();
    ByteRange closed = ByteRange.of("bytes=5-9", ETAG, ETAG).orElseThrow();
    assertThat(closed.length()).isEqualTo(5);
    assertThat(closed.lastOf(100)).isEqualTo(9);
    assertThat(closed.lastOf(7)).as("cut at the end").isEqualTo(6);
  }

  @Test
  void shouldIgnoreSuffixesSeveralRangesOtherUnitsNonsenseAndAnotherEntitysIfRange() {
    for (String header : new String[] {"bytes=-500", "bytes=0-1,5-6", "items=0-", "bytes=9-3", "bytes=x-",
        "bytes=99999999999999999999-"}) {
      assertThat(ByteRange.of(header, null, ETAG)).as(header).isEmpty();
    }
    assertThat(ByteRange.of("bytes=10-", "\"sha256:" + "b".repeat(64) + "\"", ETAG)).isEmpty();
    assertThat(ByteRange.of("bytes=10-", "Wed, 21 Oct 2026 07:28:00 GMT", ETAG)).as("a date: not ours").isEmpty();
    assertThat(ByteRange.of(null, null, ETAG)).isEmpty();
  }
}

package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedTextTest {
  private static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin",
      Metadata.BINARY_BYTE_MARSHALLER);

  @Test
  void shouldKeepTextThatFitsAndClipTheRestByUtf8BytesSayingHowLongItWas() {
    assertThat(BoundedText.clip("short", 10)).isEqualTo("short");
    // each of these takes three bytes: four fit in 12, and a character is never cut in half
    assertThat(BoundedText.clip("\u20ac".repeat(10), 13)).isEqualTo("\u20ac".repeat(4) + "... (10 chars)");
    assertThat(BoundedText.quoted("a".repeat(500)).getBytes(StandardCharsets.UTF_8).length)
        .isLessThan(BoundedText.QUOTED_BYTES + 20);
  }

  @Test
  void shouldBoundAnAnswersDescriptionAndDropOversizedDetails() {
    Metadata big = new Metadata();
    big.put(DETAILS, new byte[BoundedStatus.DETAILS_BYTES + 1]);
    Metadata small = new Metadata();
    small.put(DETAILS, new byte[100]);

    Status status = BoundedStatus.description(Status.NOT_FOUND.withDescription("y".repeat(50_000)));

    assertThat(status.getDescription()).hasSizeLessThan(BoundedStatus.DESCRIPTION_BYTES + 20);
    assertThat(BoundedStatus.trailers(big).containsKey(DETAILS)).isFalse();
    assertThat(BoundedStatus.trailers(small).get(DETAILS)).hasSize(100);
  }
}

package io.nightshift.runtime.temporal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.crypto.KeyRing;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadEncryptionTest {
  private final DataConverter converter =
      PayloadEncryption.around(new KeyRing("k1", Map.of("k1", AesGcmPayloadCodecTest.randomKey())));

  record Params(String goal, int maxMw) {}

  @Test
  void shouldSealRecordsAndReadThemBackAsBefore() {
    Payload sealed = converter.toPayload(new Params("secret goal", 450)).orElseThrow();

    assertThat(sealed.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("secret goal");
    assertThat(converter.fromPayload(sealed, Params.class, Params.class)).isEqualTo(new Params("secret goal", 450));
  }

  @Test
  void shouldSealFailureMessagesAndStackTracesAndRestoreThem() {
    Failure failure = converter.exceptionToFailure(
        ApplicationFailure.newNonRetryableFailure("tool failed on secret-compound-42", "ToolFailed"));

    assertThat(failure.toString()).doesNotContain("secret-compound-42").doesNotContain("PayloadEncryptionTest");
    assertThat(converter.failureToException(failure)).hasMessageContaining("secret-compound-42");
  }
}

package io.nightshift.runtime.temporal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.nightshift.core.crypto.KeyRing;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {
  private static final String MARKER = "goal: find ABL1 binders, max_mw=450";
  private static final SecretKey OLD = randomKey();
  private static final SecretKey NEW = randomKey();

  @Test
  void shouldRestoreThePayloadExactlyAndLeaveNoPlaintextInTheSealedOne() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(new KeyRing("old", Map.of("old", OLD)));
    Payload plain = plain(MARKER);

    Payload sealed = codec.encode(List.of(plain)).get(0);

    assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(sealed.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("old");
    assertThat(sealed.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("ABL1")
        .doesNotContain("json/plain");
    assertThat(codec.decode(List.of(sealed))).containsExactly(plain);
  }

  @Test
  void shouldUseAFreshNonceForEveryPayload() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(new KeyRing("old", Map.of("old", OLD)));
    List<Payload> sealed = codec.encode(List.of(plain(MARKER), plain(MARKER)));

    assertThat(sealed.get(0).getData().substring(0, 12)).isNotEqualTo(sealed.get(1).getData().substring(0, 12));
    assertThat(sealed.get(0).getData()).isNotEqualTo(sealed.get(1).getData());
  }

  @Test
  void shouldPassPayloadsWrittenWithoutEncryptionThroughUnchanged() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(new KeyRing("old", Map.of("old", OLD)));
    Payload recordedBefore = plain(MARKER);
    Payload nullPayload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(null).orElseThrow();

    assertThat(codec.decode(List.of(recordedBefore, nullPayload))).containsExactly(recordedBefore, nullPayload);
  }

  @Test
  void shouldRefuseAPayloadWithAFlippedByte() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(new KeyRing("old", Map.of("old", OLD)));
    Payload sealed = codec.encode(List.of(plain(MARKER))).get(0);
    byte[] data = sealed.getData().toByteArray();
    data[data.length / 2] ^= 0x01;
    Payload tampered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered))).isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key 'old'").hasMessageContaining("failed its integrity check");
  }

  @Test
  void shouldNameAKeyIdItDoesNotHold() {
    Payload sealed = new AesGcmPayloadCodec(new KeyRing("gone", Map.of("gone", OLD))).encode(List.of(plain(MARKER)))
        .get(0);
    AesGcmPayloadCodec other = new AesGcmPayloadCodec(new KeyRing("new", Map.of("new", NEW)));

    assertThatThrownBy(() -> other.decode(List.of(sealed))).isInstanceOf(UnknownPayloadKeyException.class)
        .hasMessageContaining("key id 'gone'").hasMessageContaining("[new]");
  }

  @Test
  void shouldSealWithTheNewCurrentKeyAndStillOpenWhatTheOldOneSealed() {
    Payload before = new AesGcmPayloadCodec(new KeyRing("old", Map.of("old", OLD))).encode(List.of(plain("before")))
        .get(0);
    AesGcmPayloadCodec rotated = new AesGcmPayloadCodec(new KeyRing("new", Map.of("old", OLD, "new", NEW)));

    Payload after = rotated.encode(List.of(plain("after"))).get(0);

    assertThat(after.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("new");
    assertThat(rotated.decode(List.of(before, after))).containsExactly(plain("before"), plain("after"));
  }

  @Test
  void shouldRefuseASealedPayloadTooShortToHoldANonceAndATag() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(new KeyRing("old", Map.of("old", OLD)));
    Payload cut = codec.encode(List.of(plain(MARKER))).get(0).toBuilder().setData(ByteString.copyFrom(new byte[8]))
        .build();

    assertThatThrownBy(() -> codec.decode(List.of(cut))).hasMessageContaining("cut or altered");
  }

  private static Payload plain(String text) {
    return DefaultDataConverter.STANDARD_INSTANCE.toPayload(text).orElseThrow();
  }

  static SecretKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }
}

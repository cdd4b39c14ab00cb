package io.nightshift.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmTest {
  private static final byte[] PLAIN = "max_mw=450".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AAD = "header".getBytes(StandardCharsets.UTF_8);
  private final AesGcm cipher = new AesGcm(new KeyRing("k1", Map.of("k1", randomKey())));

  @Test
  void shouldOpenWhatItSealedWithAFreshNonceEachTime() throws Exception {
    byte[] first = cipher.seal("k1", PLAIN, 0, PLAIN.length, AAD);
    byte[] second = cipher.seal("k1", PLAIN, 0, PLAIN.length, AAD);

    assertThat(first).hasSize(PLAIN.length + AesGcm.OVERHEAD);
    assertThat(Arrays.copyOf(first, AesGcm.NONCE_BYTES)).isNotEqualTo(Arrays.copyOf(second, AesGcm.NONCE_BYTES));
    assertThat(cipher.open("k1", first, 0, first.length, AAD)).isEqualTo(PLAIN);
    assertThat(cipher.open("k1", second, 0, second.length, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void shouldRefuseOtherAssociatedDataOrATruncatedMessage() throws Exception {
    byte[] sealed = cipher.seal("k1", PLAIN, 0, PLAIN.length, AAD);

    assertThatThrownBy(() -> cipher.open("k1", sealed, 0, sealed.length, "other".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AEADBadTagException.class);
    assertThatThrownBy(() -> cipher.open("k1", sealed, 0, AesGcm.OVERHEAD - 1, AAD))
        .isInstanceOf(AEADBadTagException.class).hasMessageContaining("shorter than a nonce and a tag");
  }

  @Test
  void shouldNameAKeyIdItDoesNotHold() {
    assertThatThrownBy(() -> cipher.open("gone", new byte[64], 0, 64, AAD)).isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("key id 'gone'").hasMessageContaining("[k1]");
  }

  public static SecretKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }
}

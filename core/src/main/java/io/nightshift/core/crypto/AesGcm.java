package io.nightshift.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over a {@link KeyProvider}: the one cipher everything the runtime keeps is sealed with (Temporal
 * payloads, artifact files), so there is one place to get nonces and tags right. A sealed message is a fresh random
 * 96-bit nonce, the ciphertext and a 128-bit tag; where it is stored, and under which key id, is the caller's
 * format, and whatever of that format must not be swapped or altered goes in as associated data.
 */
public final class AesGcm {
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;
  /** What sealing adds to a message: the nonce and the tag. */
  public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;
  /** The JCA transformation, for formats that record which cipher sealed them. */
  public static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final byte[] NO_AAD = new byte[0];

  private final KeyProvider keys;
  private final SecureRandom random = new SecureRandom();

  public AesGcm(KeyProvider keys) {
    this.keys = keys;
  }

  /** The id of the key new messages are sealed with. */
  public String currentKeyId() {
    return keys.currentId();
  }

  /**
   * {@code nonce || ciphertext || tag} of {@code plain[off, off+len)} under key {@code keyId}.
   *
   * @throws UnknownKeyException when the key provider has no such key
   */
  public byte[] seal(String keyId, byte[] plain, int off, int len, byte[] aad) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + len + TAG_BYTES);
    Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, nonce, aad);
    cipher.doFinal(plain, off, len, sealed, NONCE_BYTES);
    return sealed;
  }

  public byte[] seal(String keyId, byte[] plain) throws GeneralSecurityException {
    return seal(keyId, plain, 0, plain.length, NO_AAD);
  }

  /**
   * The plaintext of a message {@link #seal} made with key {@code keyId} and the same associated data.
   *
   * @throws AEADBadTagException when the message, or its associated data, is not what was sealed: altered, cut, or
   *     sealed with another key of the same id
   * @throws UnknownKeyException when the key provider has no such key
   */
  public byte[] open(String keyId, byte[] sealed, int off, int len, byte[] aad) throws GeneralSecurityException {
    if (len < OVERHEAD) {
      throw new AEADBadTagException(len + " bytes are shorter than a nonce and a tag");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, off, off + NONCE_BYTES);
    return cipher(Cipher.DECRYPT_MODE, keyId, nonce, aad).doFinal(sealed, off + NONCE_BYTES, len - NONCE_BYTES);
  }

  public byte[] open(String keyId, byte[] sealed) throws GeneralSecurityException {
    return open(keyId, sealed, 0, sealed.length, NO_AAD);
  }

  private Cipher cipher(int mode, String keyId, byte[] nonce, byte[] aad) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, keys.key(keyId), new GCMParameterSpec(TAG_BYTES * 8, nonce));
    if (aad.length > 0) {
      cipher.updateAAD(aad);
    }
    return cipher;
  }
}

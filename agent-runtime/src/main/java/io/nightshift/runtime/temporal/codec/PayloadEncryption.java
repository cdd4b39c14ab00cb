package io.nightshift.runtime.temporal.codec;

import io.nightshift.core.crypto.KeyProvider;
import io.nightshift.core.crypto.KeyRing;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.GlobalDataConverter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data converter every Temporal client and worker of a deployment uses: today's converter, sealed. Its keys
 * also seal the artifact store ({@link #openKeys}), so one key file covers every history and every artifact.
 */
public final class PayloadEncryption {
  private static final Logger log = LoggerFactory.getLogger(PayloadEncryption.class);

  private PayloadEncryption() {}

  /** The converter for the keys in {@code keyFile} (created with a fresh key on first use): see {@link #openKeys}. */
  public static DataConverter forKeyFile(Path keyFile) {
    return around(openKeys(keyFile));
  }

  /**
   * The keys in {@code keyFile} (created with a fresh key on first use), for the payload converter and the artifact
   * store alike. Logs the current key's id and fingerprint, so an operator can see at a glance that every process of
   * a deployment holds the same key.
   */
  public static KeyRing openKeys(Path keyFile) {
    KeyRing keys = PayloadKeyFile.openOrCreate(keyFile);
    log.info("payloads to Temporal and artifacts are encrypted (AES-256-GCM) with key '{}' (fingerprint {}) of {};"
        + " {} key(s) held", keys.currentId(), fingerprint(keys, keys.currentId()), keyFile, keys.ids().size());
    return keys;
  }

  /**
   * Wraps the converter Temporal would use anyway (Jackson for records), so what a payload holds is unchanged, only
   * sealed. Failure messages and stack traces are sealed too ({@code encodeFailureAttributes}): errors quote goals,
   * parameters and tool output as often as anything.
   */
  public static DataConverter around(KeyProvider keys) {
    return new CodecDataConverter(GlobalDataConverter.get(), List.of(new AesGcmPayloadCodec(keys)), true);
  }

  /** The first 8 bytes of SHA-256 over the key: names a key in logs without revealing it. */
  static String fingerprint(KeyProvider keys, String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(keys.key(id).getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

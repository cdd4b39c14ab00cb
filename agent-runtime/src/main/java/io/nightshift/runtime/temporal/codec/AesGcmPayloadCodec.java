package io.nightshift.runtime.temporal.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.nightshift.core.crypto.AesGcm;
import io.nightshift.core.crypto.KeyProvider;
import io.nightshift.core.crypto.UnknownKeyException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.annotation.Nonnull;
import javax.crypto.AEADBadTagException;

/**
 * Seals every payload with AES-256-GCM before it reaches Temporal, so its history holds no goal, parameter, pipeline,
 * guidance or error text in the clear. The sealed payload carries the key id in its metadata and, as data, a fresh
 * 96-bit nonce followed by the ciphertext of the whole original payload (metadata and data), so decoding restores it
 * exactly. A payload without the encrypted encoding is passed through unchanged: histories recorded before
 * encryption was turned on still read. The cipher itself is core's {@link AesGcm}, which seals artifacts too.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  /** The encoding Temporal's Web UI and codec servers recognise for sealed payloads (as samples-java's). */
  public static final ByteString ENCODING = ByteString.copyFromUtf8("binary/encrypted");
  public static final String KEY_ID = "encryption-key-id";
  public static final String CIPHER_KEY = "encryption-cipher";
  private static final ByteString CIPHER_NAME = ByteString.copyFromUtf8(AesGcm.TRANSFORMATION);

  private final AesGcm cipher;

  public AesGcmPayloadCodec(KeyProvider keys) {
    this.cipher = new AesGcm(keys);
  }

  @Nonnull
  @Override
  public List<Payload> encode(@Nonnull List<Payload> payloads) {
    return payloads.stream().map(this::seal).toList();
  }

  @Nonnull
  @Override
  public List<Payload> decode(@Nonnull List<Payload> payloads) {
    return payloads.stream().map(this::open).toList();
  }

  private Payload seal(Payload plain) {
    String keyId = cipher.currentKeyId();
    try {
      return Payload.newBuilder()
          .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ENCODING)
          .putMetadata(CIPHER_KEY, CIPHER_NAME)
          .putMetadata(KEY_ID, ByteString.copyFromUtf8(keyId))
          .setData(ByteString.copyFrom(cipher.seal(keyId, plain.toByteArray())))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("could not encrypt a payload with key '" + keyId + "': " + e, e);
    }
  }

  private Payload open(Payload payload) {
    if (!ENCODING.equals(payload.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, null))) {
      return payload; // written before encryption, or by a client without it
    }
    ByteString id = payload.getMetadataOrDefault(KEY_ID, null);
    if (id == null) {
      throw new PayloadCodecException("encrypted payload has no '" + KEY_ID + "' metadata: cannot tell its key");
    }
    String keyId = id.toString(StandardCharsets.UTF_8);
    byte[] data = payload.getData().toByteArray();
    if (data.length < AesGcm.OVERHEAD) {
      throw new PayloadCodecException("encrypted payload (key '" + keyId + "') is " + data.length
          + " bytes, shorter than a nonce and a tag: it was cut or altered");
    }
    try {
      return Payload.parseFrom(cipher.open(keyId, data));
    } catch (UnknownKeyException e) {
      throw new UnknownPayloadKeyException(e);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException("encrypted payload (key '" + keyId + "') failed its integrity check: it was"
          + " altered, or sealed with another key of the same id", e);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("could not decrypt a payload with key '" + keyId + "': " + e, e);
    }
  }
}

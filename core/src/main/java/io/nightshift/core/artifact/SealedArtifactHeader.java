package io.nightshift.core.artifact;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The start of a sealed artifact file: {@code MAGIC (8) | version (1) | segment size (4) | key id length (1) | key
 * id (UTF-8)}. Every segment is sealed with these bytes as associated data, so a changed key id, version or
 * segment size fails the tag check like any changed ciphertext.
 *
 * <p>The magic tells sealed files from the plaintext files stores held before encryption. It is built like PNG's:
 * its first byte, 0x89, cannot begin UTF-8 text, so no text artifact (CSV, JSON, HTML, SDF, Markdown) written
 * before encryption can be mistaken for a sealed one, and a binary one would have to begin with these exact eight
 * bytes; CR LF, SUB and LF also show up a file mangled by a text-mode copy.
 *
 * @param keyId        the id of the key every segment is sealed with
 * @param segmentBytes plaintext bytes per segment; the last segment may hold fewer
 */
record SealedArtifactHeader(String keyId, int segmentBytes) {
  static final byte[] MAGIC = {(byte) 0x89, 'N', 'S', 'E', '\r', '\n', 0x1a, '\n'};
  static final byte VERSION = 1;
  /** Bounds a reader trusts before the tag is checked, so an altered size cannot make it allocate gigabytes. */
  static final int MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

  SealedArtifactHeader {
    int idBytes = keyId.getBytes(StandardCharsets.UTF_8).length;
    if (idBytes == 0 || idBytes > 255) {
      throw new IllegalArgumentException("key id must be 1-255 bytes of UTF-8, was '" + keyId + "'");
    }
    if (segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException("segmentBytes must be 1.." + MAX_SEGMENT_BYTES + ", was " + segmentBytes);
    }
  }

  /** The header as it is written, and as every segment's associated data begins. */
  byte[] bytes() {
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 6 + id.length);
    out.writeBytes(MAGIC);
    out.write(VERSION);
    out.writeBytes(ByteBuffer.allocate(4).putInt(segmentBytes).array());
    out.write(id.length);
    out.writeBytes(id);
    return out.toByteArray();
  }

  /** Whether {@code in} begins with the magic; it is left where it was (it must support mark). */
  static boolean startsWithMagic(InputStream in) throws IOException {
    in.mark(MAGIC.length);
    byte[] start = in.readNBytes(MAGIC.length);
    in.reset();
    return Arrays.equals(start, MAGIC);
  }

  /**
   * Reads the header at the start of {@code in}.
   *
   * @throws IOException naming {@code digest} when it is not a header this version writes
   */
  static SealedArtifactHeader read(InputStream in, String digest) throws IOException {
    DataInputStream data = new DataInputStream(in);
    try {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("artifact " + digest + " is not a sealed artifact file");
      }
      int version = data.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("artifact " + digest + " is sealed in format version " + version + "; this version of"
            + " Nightshift reads version " + VERSION);
      }
      int segmentBytes = data.readInt();
      byte[] id = new byte[data.readUnsignedByte()];
      data.readFully(id);
      return new SealedArtifactHeader(new String(id, StandardCharsets.UTF_8), segmentBytes);
    } catch (EOFException e) {
      throw new IOException("artifact " + digest + " has a sealed header cut short: its file was altered", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("artifact " + digest + " has an altered sealed header: " + e.getMessage(), e);
    }
  }

  /** Associated data of segment {@code index} when more segments follow. */
  byte[] aadOfSegment(long index) {
    return aad(index, false, new byte[0]);
  }

  /**
   * Associated data of the last segment, {@code index}: it also binds the file to the digest it is stored under, so
   * a sealed file moved to another artifact's name, or cut after a whole segment, fails to open.
   */
  byte[] aadOfLastSegment(long index, byte[] sha256) {
    return aad(index, true, sha256);
  }

  private byte[] aad(long index, boolean last, byte[] sha256) {
    byte[] header = bytes();
    return ByteBuffer.allocate(header.length + Long.BYTES + 1 + sha256.length).put(header).putLong(index)
        .put((byte) (last ? 1 : 0)).put(sha256).array();
  }
}

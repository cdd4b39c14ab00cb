package io.nightshift.core.artifact;

import io.nightshift.core.crypto.AesGcm;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Seals content into an artifact file as it is written: the header, then segments of {@code segmentBytes} each
 * sealed on its own (a fresh nonce, the header, its index and whether it is the last as associated data). Segments
 * keep memory bounded however large the artifact, and the index and last-flag make reordered, dropped or appended
 * segments fail to open. A full segment is held back until more content arrives, since only then is it known not
 * to be the last.
 */
final class SealedArtifactOutputStream extends ArtifactFileWriter {
  private final OutputStream file;
  private final AesGcm cipher;
  private final SealedArtifactHeader header;
  private final byte[] segment;
  private int filled;
  private long index;

  SealedArtifactOutputStream(OutputStream file, AesGcm cipher, int segmentBytes) throws IOException {
    this.file = file;
    this.cipher = cipher;
    this.header = new SealedArtifactHeader(cipher.currentKeyId(), segmentBytes);
    this.segment = new byte[segmentBytes];
    file.write(header.bytes());
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (filled == segment.length) {
        seal(header.aadOfSegment(index));
      }
      int n = Math.min(len, segment.length - filled);
      System.arraycopy(b, off, segment, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  @Override
  void finish(byte[] sha256) throws IOException {
    seal(header.aadOfLastSegment(index, sha256));
    file.flush();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  private void seal(byte[] aad) throws IOException {
    try {
      file.write(cipher.seal(header.keyId(), segment, 0, filled, aad));
    } catch (GeneralSecurityException e) {
      throw new IOException("could not seal an artifact with key '" + header.keyId() + "': " + e, e);
    }
    filled = 0;
    index++;
  }
}

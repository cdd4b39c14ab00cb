package io.nightshift.core.artifact;

import io.nightshift.core.crypto.AesGcm;
import io.nightshift.core.crypto.UnknownKeyException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;

/**
 * Opens a sealed artifact file segment by segment (see {@link SealedArtifactOutputStream}). The first segment is
 * opened at construction, so a wrong key or an altered small artifact fails before the caller has any byte. A
 * segment is the last when the file ends with it; it alone is opened with the digest the file is stored under.
 */
final class SealedArtifactInputStream extends InputStream {
  private final BufferedInputStream file;
  private final AesGcm cipher;
  private final SealedArtifactHeader header;
  private final String digest;
  private final byte[] sealed;
  private byte[] plain = new byte[0];
  private int pos;
  private long index;
  private boolean lastOpened;

  /**
   * @param file       positioned at the start of segment {@code firstIndex} (just after the header for 0)
   * @param firstIndex the segment read first: a reader that resumes starts past the segments it has
   */
  SealedArtifactInputStream(BufferedInputStream file, AesGcm cipher, SealedArtifactHeader header, String digest,
      long firstIndex) throws IOException {
    this.file = file;
    this.cipher = cipher;
    this.header = header;
    this.digest = digest;
    this.sealed = new byte[header.segmentBytes() + AesGcm.OVERHEAD];
    this.index = firstIndex;
    openNext();
  }

  @Override
  public int read() throws IOException {
    return hasMore() ? plain[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!hasMore()) {
      return -1;
    }
    int n = Math.min(len, plain.length - pos);
    System.arraycopy(plain, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return plain.length - pos;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  /** Whether plaintext is left, opening the next segment when the current one is used up (a segment may be empty). */
  private boolean hasMore() throws IOException {
    while (pos == plain.length) {
      if (lastOpened) {
        return false;
      }
      openNext();
    }
    return true;
  }

  private void openNext() throws IOException {
    int n = file.readNBytes(sealed, 0, sealed.length);
    if (n == 0) {
      throw new IOException("artifact " + digest + " ends before its last segment: its file was cut short");
    }
    boolean last = n < sealed.length || atEnd();
    byte[] aad = last ? header.aadOfLastSegment(index, HexFormat.of().parseHex(digest.substring("sha256:".length())))
        : header.aadOfSegment(index);
    try {
      plain = cipher.open(header.keyId(), sealed, 0, n, aad);
    } catch (UnknownKeyException e) {
      throw new IOException("artifact " + digest + " was " + e.getMessage(), e);
    } catch (AEADBadTagException e) {
      throw new IOException("artifact " + digest + " (key '" + header.keyId() + "') failed its integrity check at"
          + " segment " + index + ": its file was altered, cut, or swapped with another artifact's", e);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not decrypt artifact " + digest + " with key '" + header.keyId() + "': " + e, e);
    }
    pos = 0;
    index++;
    lastOpened = last;
  }

  private boolean atEnd() throws IOException {
    file.mark(1);
    boolean end = file.read() < 0;
    file.reset();
    return end;
  }
}

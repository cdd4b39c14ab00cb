package io.nightshift.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a plaintext artifact file through and, at its end, fails unless its SHA-256 is the digest it is stored
 * under: plaintext files carry no tag, and this is what stands in for one.
 */
final class DigestCheckingInputStream extends InputStream {
  private final InputStream in;
  private final String digest;
  private final MessageDigest sha;
  private boolean checked;

  DigestCheckingInputStream(InputStream in, String digest) {
    this.in = in;
    this.digest = digest;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      checkAtEnd();
    } else {
      sha.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      checkAtEnd();
    } else {
      sha.update(b, off, n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void checkAtEnd() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    String found = "sha256:" + HexFormat.of().formatHex(sha.digest());
    if (!found.equals(digest)) {
      throw new IOException("artifact " + digest + " holds bytes whose digest is " + found
          + ": its file was altered or replaced");
    }
  }
}

package io.nightshift.core.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Content as it is, for stores opened without keys ({@link FileArtifactStore#unencrypted}, tests). What is read is
 * checked against its digest at the end, so a file altered on disk fails to read rather than passing as the content
 * its name promises; a sealed file is refused with a message that says so.
 */
final class PlainArtifactFiles implements ArtifactFileFormat {
  @Override
  public ArtifactFileWriter writer(OutputStream file) {
    return new ArtifactFileWriter() {
      @Override
      public void write(int b) throws IOException {
        file.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        file.write(b, off, len);
      }

      @Override
      void finish(byte[] sha256) throws IOException {
        file.flush();
      }

      @Override
      public void close() throws IOException {
        file.close();
      }
    };
  }

  @Override
  public InputStream reader(InputStream file, String digest) throws IOException {
    BufferedInputStream in = new BufferedInputStream(file);
    if (SealedArtifactHeader.startsWithMagic(in)) {
      throw new IOException("artifact " + digest + " is stored encrypted, and this store was opened without keys:"
          + " open it with the deployment's key file");
    }
    return new DigestCheckingInputStream(in, digest);
  }

  /**
   * Reads and hashes the bytes before {@code offset} rather than seeking: a plain file has no tag but its digest,
   * and only a stream that hashed every byte can tell at the end that the file is what its name promises.
   */
  @Override
  public InputStream reader(SeekableByteChannel file, String digest, long offset) throws IOException {
    InputStream in = reader(Channels.newInputStream(file), digest);
    in.skipNBytes(offset);
    return in;
  }

  @Override
  public long contentSize(Path file) throws IOException {
    return Files.size(file);
  }
}

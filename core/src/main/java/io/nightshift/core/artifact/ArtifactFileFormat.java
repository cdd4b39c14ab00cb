package io.nightshift.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * How an artifact's bytes lie in its file: sealed (the runtime's way, {@link SealedArtifactFiles}) or as they are
 * (tests and stores written before encryption, {@link PlainArtifactFiles}). The store names files by the digest of
 * the content, whatever the format, so references and deduplication never depend on it.
 */
interface ArtifactFileFormat {
  /** A writer of one artifact's content into {@code file}, complete once {@link ArtifactFileWriter#finish} is. */
  ArtifactFileWriter writer(OutputStream file) throws IOException;

  /**
   * The content of an artifact file, read from {@code file}; reading fails with an {@link IOException} that names
   * {@code digest} when the file is not what was stored under it.
   */
  InputStream reader(InputStream file, String digest) throws IOException;

  /**
   * The content of an artifact file from byte {@code offset} on ({@code 0 < offset <= content size}), checked as
   * {@link #reader(InputStream, String)} checks it; the format seeks in {@code file} where it can. {@code file} is
   * at its start; the stream returned closes it.
   */
  InputStream reader(SeekableByteChannel file, String digest, long offset) throws IOException;

  /** The size of the content {@code file} holds, without reading all of it. */
  long contentSize(Path file) throws IOException;
}

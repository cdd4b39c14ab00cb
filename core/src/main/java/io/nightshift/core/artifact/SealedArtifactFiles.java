package io.nightshift.core.artifact;

import io.nightshift.core.crypto.AesGcm;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Artifact files sealed with AES-256-GCM under the current key: a {@link SealedArtifactHeader} naming the key,
 * then the content in sealed segments. Reading opens each file with the key its header names, so files sealed
 * before a key rotation still read; files with no header are the plaintext ones written before encryption, read
 * as they are and checked against their digest.
 */
final class SealedArtifactFiles implements ArtifactFileFormat {
  /** Large enough that the 28 bytes each segment adds are lost in the noise (0.04%), small enough to hold. */
  static final int DEFAULT_SEGMENT_BYTES = 64 * 1024;

  private final AesGcm cipher;
  private final int segmentBytes;

  SealedArtifactFiles(AesGcm cipher, int segmentBytes) {
    this.cipher = cipher;
    this.segmentBytes = segmentBytes;
  }

  @Override
  public ArtifactFileWriter writer(OutputStream file) throws IOException {
    return new SealedArtifactOutputStream(file, cipher, segmentBytes);
  }

  @Override
  public InputStream reader(InputStream file, String digest) throws IOException {
    BufferedInputStream in = new BufferedInputStream(file);
    if (!SealedArtifactHeader.startsWithMagic(in)) {
      return new DigestCheckingInputStream(in, digest); // stored before artifacts were sealed
    }
    return new SealedArtifactInputStream(in, cipher, SealedArtifactHeader.read(in, digest), digest, 0);
  }

  /**
   * Seeks to the segment that holds the byte before {@code offset} and opens the file from there: the segments
   * before it are neither read nor decrypted. That segment exists for every offset up to the size (a full last
   * segment is never followed by an empty one), so a read from the very end still opens the last segment, and
   * with it checks that the file ends there and is the one its digest names. Each segment's tag binds its index,
   * so a seek lands on the segment it meant or fails to open.
   */
  @Override
  public InputStream reader(SeekableByteChannel file, String digest, long offset) throws IOException {
    BufferedInputStream start = new BufferedInputStream(Channels.newInputStream(file), 512);
    if (!SealedArtifactHeader.startsWithMagic(start)) {
      file.position(0); // stored before artifacts were sealed: hashed from the start, as a plain store reads it
      return new PlainArtifactFiles().reader(file, digest, offset);
    }
    SealedArtifactHeader header = SealedArtifactHeader.read(start, digest);
    long segment = (offset - 1) / header.segmentBytes();
    file.position(header.bytes().length + segment * (header.segmentBytes() + (long) AesGcm.OVERHEAD));
    InputStream in = new SealedArtifactInputStream(new BufferedInputStream(Channels.newInputStream(file)), cipher,
        header, digest, segment);
    in.skipNBytes(offset - segment * header.segmentBytes());
    return in;
  }

  /** From the file's size alone: every segment but the last holds {@code segmentBytes}, and each adds the same. */
  @Override
  public long contentSize(Path file) throws IOException {
    SealedArtifactHeader header;
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      if (!SealedArtifactHeader.startsWithMagic(in)) {
        return Files.size(file);
      }
      header = SealedArtifactHeader.read(in, "sha256:" + file.getFileName());
    }
    long body = Files.size(file) - header.bytes().length;
    long perSegment = header.segmentBytes() + (long) AesGcm.OVERHEAD;
    long segments = Math.max(1, (body + perSegment - 1) / perSegment);
    long last = body - (segments - 1) * perSegment;
    if (last < AesGcm.OVERHEAD) {
      throw new IOException("artifact file " + file + " ends inside a segment: it was cut or altered");
    }
    return body - segments * AesGcm.OVERHEAD;
  }
}

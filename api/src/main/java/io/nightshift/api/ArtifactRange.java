package io.nightshift.api;

/**
 * The part of an artifact one ReadArtifact call sends: {@code count} bytes from {@code offset}, and whether they run
 * to the artifact's end (then the sender also reads the store's end, where it checks the whole file).
 *
 * @param offset where the first chunk starts
 * @param count  bytes to send
 * @param toEnd  whether {@code offset + count} is the artifact's size
 */
record ArtifactRange(long offset, long count, boolean toEnd) {
  /**
   * The range a request asks for: {@code length} 0, or one past the end, reads to the end.
   *
   * @param offset 0 to {@code size}, checked by the caller
   * @param length 0 or more, checked by the caller
   */
  static ArtifactRange of(long offset, long length, long size) {
    long rest = size - offset;
    return length == 0 || length >= rest ? new ArtifactRange(offset, rest, true)
        : new ArtifactRange(offset, length, false);
  }
}

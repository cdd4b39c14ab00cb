package io.nightshift.workflows.map;

import io.nightshift.core.files.PulledInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A split's manifest, one chunk per line, served to the store as it reads: a line is made only when the reader needs
 * it, so the split reads its table once, front to back, while the manifest is written. Subclasses say what a chunk's
 * line is ({@link SplitManifest}: a copied chunk's digest; {@link SliceManifest}: a slice of the table).
 */
abstract class ChunkManifest extends PulledInputStream {
  private int chunks;

  /** The next chunk's line, without its newline; null when the table has no more rows. */
  abstract String nextChunk() throws IOException;

  /** Chunks listed so far: all of them once the stream has ended. */
  final int chunks() {
    return chunks;
  }

  @Override
  protected final byte[] nextPiece() throws IOException {
    String next = nextChunk();
    if (next == null) {
      return null;
    }
    chunks++;
    return (next + "\n").getBytes(StandardCharsets.UTF_8);
  }
}

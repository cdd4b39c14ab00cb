package io.nightshift.workflows.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A split's manifest, one chunk per line, served to the store as it reads: a line is made only when the reader needs
 * it, so the split reads its table once, front to back, while the manifest is written. Subclasses say what a chunk's
 * line is ({@link SplitManifest}: a copied chunk's digest; {@link SliceManifest}: a slice of the table).
 */
abstract class ChunkManifest extends InputStream {
  private byte[] line = new byte[0];
  private int position;
  private int chunks;

  /** The next chunk's line, without its newline; null when the table has no more rows. */
  abstract String nextChunk() throws IOException;

  /** Chunks listed so far: all of them once the stream has ended. */
  final int chunks() {
    return chunks;
  }

  @Override
  public final int read() throws IOException {
    return lineReady() ? line[position++] & 0xff : -1;
  }

  @Override
  public final int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len && lineReady()) {
      int take = Math.min(len - n, line.length - position);
      System.arraycopy(line, position, b, off + n, take);
      position += take;
      n += take;
    }
    return n == 0 ? -1 : n;
  }

  private boolean lineReady() throws IOException {
    if (position < line.length) {
      return true;
    }
    String next = nextChunk();
    if (next == null) {
      return false;
    }
    line = (next + "\n").getBytes(StandardCharsets.UTF_8);
    position = 0;
    chunks++;
    return true;
  }
}

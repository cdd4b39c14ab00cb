package io.nightshift.core.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * An {@code InputStream} whose bytes come in pieces made only when the reader needs the next one: how a table or a
 * manifest that is never whole in memory is handed to an artifact store's {@code put(InputStream)}. Subclasses say
 * what the next piece is (a CSV record, a manifest line).
 */
public abstract class PulledInputStream extends InputStream {
  private byte[] piece = new byte[0];
  private int position;
  private boolean ended;

  /** The next piece; null after the last (then never asked again). An empty piece is passed over. */
  protected abstract byte[] nextPiece() throws IOException;

  @Override
  public final int read() throws IOException {
    return pieceReady() ? piece[position++] & 0xff : -1;
  }

  @Override
  public final int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len && pieceReady()) {
      int take = Math.min(len - n, piece.length - position);
      System.arraycopy(piece, position, b, off + n, take);
      position += take;
      n += take;
    }
    return n == 0 ? -1 : n;
  }

  private boolean pieceReady() throws IOException {
    while (position >= piece.length) {
      if (ended) {
        return false;
      }
      byte[] next = nextPiece();
      if (next == null) {
        ended = true;
        return false;
      }
      piece = next;
      position = 0;
    }
    return true;
  }
}

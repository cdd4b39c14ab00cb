package io.nightshift.api.edge;

import java.nio.charset.StandardCharsets;

/**
 * Text in an answer's status, kept within what a client accepts. A status travels in HTTP/2 trailers, which
 * grpc-java clients cap at 8 KiB together (their default max inbound metadata size); the server resets a stream
 * whose trailers exceed the client's cap, and the client reads INTERNAL "RST_STREAM ... PROTOCOL_ERROR". Fuzzing
 * found this: a 20 KB backend id quoted in "no backend pool with id '...'" turned NOT_FOUND into INTERNAL.
 * Sizes are UTF-8 bytes, since grpc-message percent-encodes each non-ASCII byte as three characters.
 */
public final class BoundedText {
  /** The most of one client value (an id, a name) quoted back. */
  public static final int QUOTED_BYTES = 120;

  private BoundedText() {}

  /** {@code value} as quoted back to the client that sent it: clipped to {@link #QUOTED_BYTES}. */
  public static String quoted(String value) {
    return clip(value, QUOTED_BYTES);
  }

  /** {@code text} if its UTF-8 form fits {@code maxBytes}; else its start, saying how long it was. */
  public static String clip(String text, int maxBytes) {
    if (text.length() * 3 <= maxBytes || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      kept.appendCodePoint(c);
      bytes += size;
      i += Character.charCount(c);
    }
    return kept + "... (" + text.length() + " chars)";
  }
}

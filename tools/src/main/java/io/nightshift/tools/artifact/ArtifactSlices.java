package io.nightshift.tools.artifact;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a byte range of a stored text artifact without loading the rest, moved to whole UTF-8 characters so a
 * model never sees half a character: the start moves back to the beginning of the character it falls in (so a
 * reader who steps on by byte counts loses nothing), the end moves back to the end of the last whole character.
 * A slice therefore holds at most {@code length} bytes plus the up to 3 bytes the start moved back.
 */
public final class ArtifactSlices {
  /** UTF-8 characters are at most 4 bytes: this many bytes either side of a cut find its character's edges. */
  private static final int MAX_CHAR_BYTES = 4;

  private ArtifactSlices() {}

  /** Whether an artifact of this media type is text a model can be shown (text, JSON, CSV, XML, YAML). */
  public static boolean isText(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("csv") || type.contains("xml")
        || type.contains("yaml");
  }

  /**
   * The bytes {@code offset .. offset+length-1} of {@code ref}, clamped to its end and moved to whole characters.
   *
   * @throws IllegalArgumentException when {@code offset} is negative or not inside the artifact (an empty artifact
   *                                  has only offset 0), or {@code length} is below 1
   */
  public static TextSlice read(ArtifactStore store, ArtifactRef ref, long offset, int length) throws IOException {
    long total = ref.size();
    if (offset < 0 || (offset >= total && !(offset == 0 && total == 0))) {
      throw new IllegalArgumentException("offset " + offset + " is outside " + ref.uri() + ", which has " + total
          + " bytes" + (total == 0 ? "" : "; offsets run 0-" + (total - 1)));
    }
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1, was " + length);
    }
    // read a little either side of the asked range, to find the edges of the characters it cuts
    long from = Math.max(0, offset - (MAX_CHAR_BYTES - 1));
    long to = Math.min(total, offset + length + MAX_CHAR_BYTES);
    byte[] window;
    // from the store's seek where it can (a sealed file's segment): a slice late in a large artifact costs no more
    try (InputStream in = store.open(ref, from)) {
      window = in.readNBytes((int) (to - from));
    }
    int start = startOfCharacter(window, (int) (offset - from));
    int end = cutEnd(window, start, (int) (Math.min(total, offset + length) - from));
    return new TextSlice(from + start, from + end, total,
        new String(window, start, end - start, StandardCharsets.UTF_8));
  }

  /** {@code at}, moved back to the first byte of the character it falls in (at most 3 bytes back). */
  static int startOfCharacter(byte[] bytes, int at) {
    int start = at;
    while (start > 0 && at - start < MAX_CHAR_BYTES - 1 && start < bytes.length && isContinuation(bytes[start])) {
      start--;
    }
    return start;
  }

  /**
   * Where to end a slice that starts at {@code start} (a character's first byte) and may run to {@code limit}: moved
   * back to the end of the last whole character, or on to the end of the first one when that one alone is longer.
   */
  static int cutEnd(byte[] bytes, int start, int limit) {
    int end = limit;
    while (end > start && end < bytes.length && isContinuation(bytes[end])) {
      end--;
    }
    if (end == start && start < bytes.length) {
      end = start + 1;
      while (end < bytes.length && isContinuation(bytes[end]) && end - start < MAX_CHAR_BYTES) {
        end++;
      }
    }
    return end;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}

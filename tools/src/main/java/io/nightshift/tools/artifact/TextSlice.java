package io.nightshift.tools.artifact;

/**
 * A piece of a text artifact, cut at whole UTF-8 characters.
 *
 * @param start the first byte shown, counted from 0
 * @param end   one past the last byte shown
 * @param total the artifact's size in bytes
 * @param text  the bytes {@code start..end-1}, decoded
 */
public record TextSlice(long start, long end, long total, String text) {
  public TextSlice {
    if (start < 0 || end < start || end > total) {
      throw new IllegalArgumentException("slice " + start + "-" + end + " does not lie within 0-" + total);
    }
  }

  /** Where the slice lies in the whole, as a reader counts: {@code bytes 8192-16383 of 1048576}. */
  public String where() {
    return end == start ? "no bytes of " + total : "bytes " + start + "-" + (end - 1) + " of " + total;
  }

  /** True when the slice reaches the artifact's last byte. */
  public boolean reachesEnd() {
    return end == total;
  }
}

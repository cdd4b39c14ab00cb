package io.nightshift.api.ui;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of an HTTP {@code Range} header the UI's downloads honour (RFC 9110 §14): {@code bytes=N-},
 * what a browser sends to resume a download, and {@code bytes=N-M}. Suffix ranges ({@code bytes=-N}), several
 * ranges, other units and anything malformed are ignored, as the RFC lets a server do, and the whole artifact is
 * sent; so is it when {@code If-Range} names another entity than this one (its ETag is the digest).
 *
 * @param first the first byte
 * @param last  the last byte asked for, inclusive; -1 for up to the end
 */
record ByteRange(long first, long last) {
  private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

  /**
   * The range to serve for these request headers, if any.
   *
   * @param range   the {@code Range} header, or null
   * @param ifRange the {@code If-Range} header, or null
   * @param etag    this artifact's ETag, quoted
   */
  static Optional<ByteRange> of(String range, String ifRange, String etag) {
    if (range == null || ifRange != null && !ifRange.trim().equals(etag)) {
      return Optional.empty();
    }
    Matcher m = ONE_RANGE.matcher(range.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
    return last >= 0 && last < first ? Optional.empty() : Optional.of(new ByteRange(first, last));
  }

  /** ReadArtifact's length for this range: 0 (to the end) when open, else its byte count. */
  long length() {
    return last < 0 ? 0 : last - first + 1;
  }

  /** The last byte sent of an artifact of {@code size} bytes (the range is cut at its end); needs first < size. */
  long lastOf(long size) {
    return last < 0 || last >= size ? size - 1 : last;
  }
}

package io.nightshift.core.artifact;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to immutable content in the artifact store. This, not the content, travels through Temporal.
 *
 * @param digest    {@code sha256:<64 hex>}; equal content has an equal digest
 * @param size      bytes
 * @param mediaType e.g. {@code text/csv}, {@code application/json}, {@code text/html}
 */
public record ArtifactRef(String digest, long size, String mediaType) {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  /** Prefix of the URI form used inside step parameters. */
  public static final String URI_PREFIX = "artifact:";

  public ArtifactRef {
    Objects.requireNonNull(digest, "digest");
    if (!DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("digest must be sha256:<64 lowercase hex>, was " + digest);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
  }

  /** {@code artifact:sha256:...}, the form step parameters carry. */
  public String uri() {
    return URI_PREFIX + digest;
  }

  public String hex() {
    return digest.substring("sha256:".length());
  }

  public static boolean isUri(String s) {
    return s != null && s.startsWith(URI_PREFIX + "sha256:");
  }

  /** The digest of an {@code artifact:} URI; size and type are looked up in the store. */
  public static String digestOfUri(String uri) {
    if (!isUri(uri)) {
      throw new IllegalArgumentException("not an artifact URI: " + uri);
    }
    return uri.substring(URI_PREFIX.length());
  }
}

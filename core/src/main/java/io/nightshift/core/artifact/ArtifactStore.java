package io.nightshift.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage for everything too large for a Temporal payload. Writes are idempotent: storing
 * the same bytes twice yields the same reference and one copy, so a retried activity leaves one result.
 */
public interface ArtifactStore {
  ArtifactRef put(byte[] content, String mediaType) throws IOException;

  ArtifactRef put(InputStream content, String mediaType) throws IOException;

  InputStream open(ArtifactRef ref) throws IOException;

  /**
   * The artifact's content from byte {@code offset} on ({@code 0 <= offset <= ref.size()}), for a reader that
   * resumes a download. This default reads and drops the bytes before it; a store that can seek should, as
   * {@link FileArtifactStore} does.
   */
  default InputStream open(ArtifactRef ref, long offset) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    InputStream in = open(ref);
    try {
      in.skipNBytes(offset);
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  byte[] read(ArtifactRef ref) throws IOException;

  /**
   * Finds a stored artifact by digest ({@code sha256:...}), with the media type it was first stored with: for
   * {@code artifact:} URIs, which name bytes, not a reference. Where a reference is at hand, use
   * {@link #find(String, String)}.
   */
  Optional<ArtifactRef> find(String digest) throws IOException;

  /**
   * The stored artifact as a reference of {@code mediaType}: with that type when its bytes were stored with it,
   * else with {@code application/octet-stream}, so a reader can never make the store vouch for a type nobody
   * gave these bytes. Empty when the bytes are not stored. This default serves stores that keep one type per
   * digest.
   */
  default Optional<ArtifactRef> find(String digest, String mediaType) throws IOException {
    return find(digest).map(stored -> {
      ArtifactRef asked = new ArtifactRef(digest, stored.size(), mediaType);
      return asked.mediaType().equals(stored.mediaType()) ? asked
          : new ArtifactRef(digest, stored.size(), "application/octet-stream");
    });
  }

  /** Resolves an {@code artifact:sha256:...} URI, failing with a clear message when it is not stored. */
  default ArtifactRef resolve(String uri) throws IOException {
    String digest = ArtifactRef.digestOfUri(uri);
    return find(digest).orElseThrow(() -> new IOException("artifact " + digest + " is not in the store"));
  }
}

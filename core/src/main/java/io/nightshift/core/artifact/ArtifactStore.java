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

  byte[] read(ArtifactRef ref) throws IOException;

  /** Finds a stored artifact by digest ({@code sha256:...}). */
  Optional<ArtifactRef> find(String digest) throws IOException;

  /** Resolves an {@code artifact:sha256:...} URI, failing with a clear message when it is not stored. */
  default ArtifactRef resolve(String uri) throws IOException {
    String digest = ArtifactRef.digestOfUri(uri);
    return find(digest).orElseThrow(() -> new IOException("artifact " + digest + " is not in the store"));
  }
}

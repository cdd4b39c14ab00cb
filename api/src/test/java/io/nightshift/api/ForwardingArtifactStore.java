package io.nightshift.api;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A store that hands every call to another; tests override the one call whose bytes they watch or change. A read
 * from an offset is left to the interface's default, which goes through {@link #open(ArtifactRef)}, so a test that
 * watches that call sees every byte read.
 */
abstract class ForwardingArtifactStore implements ArtifactStore {
  final ArtifactStore store;

  ForwardingArtifactStore(ArtifactStore store) {
    this.store = store;
  }

  @Override
  public InputStream open(ArtifactRef ref) throws IOException {
    return store.open(ref);
  }

  @Override
  public ArtifactRef put(byte[] content, String mediaType) throws IOException {
    return store.put(content, mediaType);
  }

  @Override
  public ArtifactRef put(InputStream content, String mediaType) throws IOException {
    return store.put(content, mediaType);
  }

  @Override
  public byte[] read(ArtifactRef ref) throws IOException {
    return store.read(ref);
  }

  @Override
  public Optional<ArtifactRef> find(String digest) throws IOException {
    return store.find(digest);
  }

  @Override
  public Optional<ArtifactRef> find(String digest, String mediaType) throws IOException {
    return store.find(digest, mediaType);
  }
}

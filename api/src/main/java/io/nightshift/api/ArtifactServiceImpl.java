package io.nightshift.api;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Streams artifacts to clients in 256 KiB chunks, well under gRPC's 4 MB message limit. An artifact is read as one
 * of a task's outputs: the task must be in the caller's {@link TenantScope} and name the digest in its view.
 */
public final class ArtifactServiceImpl extends ArtifactServiceGrpc.ArtifactServiceImplBase {
  private static final int CHUNK = 256 * 1024;
  private final ArtifactStore store;
  private final TaskArtifacts tasks;

  ArtifactServiceImpl(ArtifactStore store, TaskArtifacts tasks) {
    this.store = store;
    this.tasks = tasks;
  }

  @Override
  public void readArtifact(ReadArtifactRequest request, StreamObserver<ArtifactChunk> out) {
    String digest = request.getDigest();
    if (!digest.matches("sha256:[0-9a-f]{64}")) {
      out.onError(ApiErrors.invalid("digest", "digest must be sha256:<64 lowercase hex>, was '"
          + BoundedText.quoted(digest) + "'"));
      return;
    }
    if (request.getTaskId().isBlank()) {
      out.onError(ApiErrors.invalid("task_id", "task_id is required: an artifact is read as one of a task's"
          + " outputs (the task GetTask showed it in)"));
      return;
    }
    try {
      if (!tasks.digests(request.getTaskId(), TenantScope.ofCurrentCall()).contains(digest)) {
        out.onError(notFound(digest));
        return;
      }
    } catch (RuntimeException e) {
      out.onError(CallFailures.toStatus(e));
      return;
    }
    try {
      // a reference's own type when the client names it: the bytes' first type may be another step's
      Optional<ArtifactRef> ref = request.getMediaType().isEmpty() ? store.find(digest)
          : store.find(digest, request.getMediaType());
      if (ref.isEmpty()) {
        out.onError(notFound(digest));
        return;
      }
      try (InputStream in = store.open(ref.get())) {
        byte[] buf = new byte[CHUNK];
        boolean first = true;
        int n;
        while ((n = in.readNBytes(buf, 0, CHUNK)) > 0 || first) {
          ArtifactChunk.Builder chunk = ArtifactChunk.newBuilder().setData(ByteString.copyFrom(buf, 0, n));
          if (first) {
            chunk.setMediaType(ref.get().mediaType()).setSize(ref.get().size());
            first = false;
          }
          out.onNext(chunk.build());
        }
      }
      out.onCompleted();
    } catch (IOException e) {
      out.onError(Status.UNAVAILABLE.withDescription("cannot read " + digest + ": " + e.getMessage())
          .asRuntimeException());
    }
  }

  /** The same answer for a digest the task does not name and for one the store does not hold. */
  private static StatusRuntimeException notFound(String digest) {
    return Status.NOT_FOUND.withDescription("no artifact " + digest).asRuntimeException();
  }
}

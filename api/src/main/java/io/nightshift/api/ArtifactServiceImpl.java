package io.nightshift.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ListArtifactsResponse;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Streams artifacts, or a range of one (a client resuming a dropped download asks from the bytes it has; the store
 * seeks there), to clients in 256 KiB chunks under flow control ({@link ArtifactSender}), well under gRPC's 4 MB
 * message limit, and lists a task's. An artifact is read as one of a task's ({@link TaskArtifacts}): the task must
 * be in the caller's {@link TenantScope} and list the digest.
 */
public final class ArtifactServiceImpl extends ArtifactServiceGrpc.ArtifactServiceImplBase {
  private static final int DEFAULT_PAGE = 200;
  private static final int MAX_PAGE = 1000;
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
    if (request.getOffset() < 0) {
      out.onError(ApiErrors.invalid("offset", "offset must be 0 or more (bytes to skip), was " + request.getOffset()));
      return;
    }
    if (request.getLength() < 0) {
      out.onError(ApiErrors.invalid("length", "length must be 0 (up to the end) or more, was "
          + request.getLength()));
      return;
    }
    try {
      if (!tasks.names(request.getTaskId(), TenantScope.ofCurrentCall(), digest)) {
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
      long offset = request.getOffset();
      if (offset > ref.get().size()) {
        out.onError(ApiErrors.invalid("offset", "offset must be at most the artifact's size, "
            + ref.get().size() + " bytes, was " + offset));
        return;
      }
      ArtifactSender.start(ref.get(), store.open(ref.get(), offset), ArtifactRange.of(offset, request.getLength(),
          ref.get().size()), (ServerCallStreamObserver<ArtifactChunk>) out);
    } catch (IOException e) {
      out.onError(Status.UNAVAILABLE.withDescription("cannot read " + digest + ": " + e.getMessage())
          .asRuntimeException());
    }
  }

  @Override
  public void listArtifacts(ListArtifactsRequest request, StreamObserver<ListArtifactsResponse> out) {
    ListArtifactsResponse page;
    try {
      if (request.getTaskId().isBlank()) {
        throw ApiErrors.invalid("task_id", "task_id is required: the task whose artifacts to list");
      }
      if (request.getPageSize() < 0 || request.getPageSize() > MAX_PAGE) {
        throw ApiErrors.invalid("page_size", "page_size must be between 0 (default " + DEFAULT_PAGE + ") and "
            + MAX_PAGE + ", was " + request.getPageSize());
      }
      int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
      int from = ArtifactPageToken.offset(request.getPageToken());
      List<TaskArtifact> all = tasks.list(request.getTaskId(), TenantScope.ofCurrentCall());
      int to = Math.min(all.size(), from + size);
      ListArtifactsResponse.Builder answer = ListArtifactsResponse.newBuilder()
          .addAllArtifacts(all.subList(Math.min(from, all.size()), to));
      if (to < all.size()) {
        answer.setNextPageToken(ArtifactPageToken.of(to));
      }
      page = answer.build();
    } catch (RuntimeException e) {
      out.onError(CallFailures.toStatus(e));
      return;
    }
    out.onNext(page);
    out.onCompleted();
  }

  /** The same answer for a digest the task does not name and for one the store does not hold. */
  private static StatusRuntimeException notFound(String digest) {
    return Status.NOT_FOUND.withDescription("no artifact " + digest).asRuntimeException();
  }
}

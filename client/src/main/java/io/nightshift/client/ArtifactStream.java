package io.nightshift.client;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * An artifact's bytes as an {@link InputStream}, read lazily: the ReadArtifact stream opens on the first read and
 * the next chunk is asked for only when the last one is used up, so gRPC's flow control keeps at most a chunk or two
 * in memory whatever the artifact's size. Opening is tried again after UNAVAILABLE as the client's {@link
 * RetryPolicy} says, until the first chunk arrived (after that, a retry would repeat bytes the reader has had). An
 * API error reaches the reader as an {@link IOException} whose cause is the {@link StatusRuntimeException}. Closing
 * it early cancels the stream.
 */
final class ArtifactStream extends InputStream {
  private final ArtifactServiceGrpc.ArtifactServiceBlockingStub artifacts;
  private final ReadArtifactRequest request;
  private final Retries retries;
  private Context.CancellableContext call;
  private Iterator<ArtifactChunk> chunks;
  private ByteString current = ByteString.EMPTY;
  private int position;
  private boolean closed;

  ArtifactStream(ArtifactServiceGrpc.ArtifactServiceBlockingStub artifacts, ReadArtifactRequest request,
      Retries retries) {
    this.artifacts = artifacts;
    this.request = request;
    this.retries = retries;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("the artifact stream is closed");
    }
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, current.size() - position);
    current.copyTo(into, position, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    closed = true;
    if (call != null) {
      call.cancel(null);
    }
  }

  /** Opens the stream and waits for its first chunk (or its end), where an UNAVAILABLE API shows. */
  private Iterator<ArtifactChunk> openWithFirstChunk() {
    if (call != null) {
      call.cancel(null);
    }
    call = Context.current().withCancellation();
    Context previous = call.attach();
    Iterator<ArtifactChunk> opened;
    try {
      opened = artifacts.readArtifact(request);
    } finally {
      call.detach(previous);
    }
    opened.hasNext(); // blocks for the first chunk: a failure to reach the API is thrown here, still retryable
    return opened;
  }

  /** Makes bytes available in {@code current}; false at the end of the artifact. */
  private boolean fill() throws IOException {
    try {
      if (chunks == null) {
        chunks = retries.call(this::openWithFirstChunk);
      }
      while (position >= current.size()) {
        if (!chunks.hasNext()) {
          return false;
        }
        current = chunks.next().getData();
        position = 0;
      }
      return true;
    } catch (StatusRuntimeException e) {
      throw new IOException("cannot read artifact " + request.getDigest() + " of task " + request.getTaskId() + ": "
          + e.getStatus().getCode() + ": " + e.getStatus().getDescription(), e);
    }
  }
}

package io.nightshift.client;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * An artifact's bytes as an {@link InputStream}, read lazily: the ReadArtifact stream opens on the first read and
 * the next chunk is asked for only when the last one is used up, so gRPC's flow control keeps at most a chunk or two
 * in memory whatever the artifact's size.
 *
 * <p>A stream that fails with UNAVAILABLE (the API was not there, restarted, or the connection dropped partway) is
 * opened again from the bytes received so far (ReadArtifact's {@code offset}), as the client's {@link RetryPolicy}
 * says: its attempts count failures in a row, and any byte received starts the count afresh, so a long download on
 * a network that drops now and then goes on. Each stream must start where the last one stopped and name the same
 * size; at the end the bytes must be the size and hash to the digest asked for, or the reader gets an
 * {@link IOException} rather than the last byte: a resumed download is exactly the stored bytes or nothing. An API
 * error reaches the reader as an {@link IOException} whose cause is the {@link StatusRuntimeException}. Closing it
 * early cancels the stream.
 */
final class ArtifactStream extends InputStream {
  private final ArtifactServiceGrpc.ArtifactServiceBlockingStub artifacts;
  private final ReadArtifactRequest request;
  private final RetryPolicy retry;
  private final MessageDigest sha = sha256();
  private Context.CancellableContext call;
  private Iterator<ArtifactChunk> chunks;
  private boolean firstOfStream;
  private ByteString current = ByteString.EMPTY;
  private int position;
  /** Bytes taken from the streams so far: where the next stream starts. */
  private long received;
  /** The artifact's size as the first stream named it; -1 before. */
  private long size = -1;
  private boolean ended;
  private boolean closed;

  ArtifactStream(ArtifactServiceGrpc.ArtifactServiceBlockingStub artifacts, ReadArtifactRequest request,
      RetryPolicy retry) {
    this.artifacts = artifacts;
    this.request = request;
    this.retry = retry;
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

  /** Makes bytes available in {@code current}; false at the (checked) end of the artifact. */
  private boolean fill() throws IOException {
    while (position >= current.size()) {
      if (ended) {
        return false;
      }
      ArtifactChunk next = nextChunk();
      if (next == null) {
        checkWhole();
        ended = true;
        return false;
      }
      take(next);
    }
    return true;
  }

  /** The next chunk, opening a stream from {@link #received} where there is none or the last one failed. */
  private ArtifactChunk nextChunk() throws IOException {
    for (int failures = 1; ; failures++) {
      try {
        if (chunks == null) {
          chunks = open(received);
        }
        return chunks.hasNext() ? chunks.next() : null;
      } catch (StatusRuntimeException e) {
        chunks = null;
        if (!Retries.retryable(e) || failures >= retry.maxAttempts()) {
          throw new IOException("cannot read artifact " + request.getDigest() + " of task " + request.getTaskId()
              + (received > 0 ? " after " + received + " bytes" : "") + ": " + e.getStatus().getCode() + ": "
              + e.getStatus().getDescription(), e);
        }
        Retries.pause(retry.backoffAfter(failures));
      }
    }
  }

  private Iterator<ArtifactChunk> open(long offset) {
    if (call != null) {
      call.cancel(null);
    }
    call = Context.current().withCancellation();
    Context previous = call.attach();
    try {
      firstOfStream = true;
      return artifacts.readArtifact(request.toBuilder().setOffset(offset).build());
    } finally {
      call.detach(previous);
    }
  }

  private void take(ArtifactChunk chunk) throws IOException {
    if (firstOfStream) {
      firstOfStream = false;
      if (chunk.getOffset() != received) {
        throw mismatch("a stream asked to start at byte " + received + " started at " + chunk.getOffset());
      }
      if (size >= 0 && chunk.getSize() != size) {
        throw mismatch("its size was " + size + " bytes and a resumed stream named " + chunk.getSize());
      }
      size = chunk.getSize();
    }
    ByteString data = chunk.getData();
    if (received + data.size() > size) {
      throw mismatch("more than its " + size + " bytes arrived");
    }
    sha.update(data.asReadOnlyByteBuffer());
    received += data.size();
    current = data;
    position = 0;
  }

  private void checkWhole() throws IOException {
    if (received != size) {
      throw mismatch("its streams ended after " + received + " of its " + size + " bytes");
    }
    String digest = "sha256:" + HexFormat.of().formatHex(sha.digest());
    if (!digest.equals(request.getDigest())) {
      throw mismatch("the " + received + " bytes received hash to " + digest);
    }
  }

  private IOException mismatch(String what) {
    return new IOException("artifact " + request.getDigest() + " of task " + request.getTaskId() + " did not arrive"
        + " whole: " + what + "; its bytes are not the stored ones, read it again");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}

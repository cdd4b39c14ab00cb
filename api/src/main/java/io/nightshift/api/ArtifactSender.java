package io.nightshift.api;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.core.artifact.ArtifactRef;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sends one artifact under gRPC flow control: a chunk is read from the store only while the call is ready for it,
 * and sending resumes from the call's on-ready handler. Without it a client that reads slowly made the server read
 * the whole artifact into gRPC's send buffer; now a call holds one chunk in memory (and what the transport's window
 * lets through). A cancelled call closes the artifact. The first chunk says where it starts; one with no data is
 * sent only when the range is empty (a read from the very end), so the client still learns the size and type.
 */
final class ArtifactSender {
  static final int CHUNK = 256 * 1024;

  private final ArtifactRef ref;
  private final InputStream in;
  private final ArtifactRange range;
  private final ServerCallStreamObserver<ArtifactChunk> out;
  private final byte[] buf = new byte[CHUNK];
  private long left;
  private boolean first = true;
  private boolean done;

  private ArtifactSender(ArtifactRef ref, InputStream in, ArtifactRange range,
      ServerCallStreamObserver<ArtifactChunk> out) {
    this.ref = ref;
    this.in = in;
    this.range = range;
    this.left = range.count();
    this.out = out;
  }

  /**
   * Starts sending {@code range} of the artifact from {@code in}, which is at the range's offset and which the
   * sender closes when the range is sent, fails or the call is cancelled.
   */
  static void start(ArtifactRef ref, InputStream in, ArtifactRange range,
      ServerCallStreamObserver<ArtifactChunk> out) {
    ArtifactSender sender = new ArtifactSender(ref, in, range, out);
    out.setOnCancelHandler(sender::cancelled);
    out.setOnReadyHandler(sender::sendWhileReady);
    sender.sendWhileReady();
  }

  /** Called on the call's thread at start and on each on-ready; gRPC runs a call's handlers one at a time. */
  private synchronized void sendWhileReady() {
    try {
      while (!done && out.isReady()) {
        int want = (int) Math.min(CHUNK, left);
        int n = in.readNBytes(buf, 0, want);
        if (n < want) {
          throw new IOException("its content ends " + (left - n) + " bytes before its size, " + ref.size());
        }
        left -= n;
        ArtifactChunk.Builder chunk = ArtifactChunk.newBuilder().setData(ByteString.copyFrom(buf, 0, n));
        if (first) {
          chunk.setMediaType(ref.mediaType()).setSize(ref.size()).setOffset(range.offset());
          first = false;
        }
        if (left == 0 && range.toEnd() && in.read() >= 0) {
          // reading past the last byte is what makes the store check the whole file (a plain file's digest)
          throw new IOException("its content runs past its size, " + ref.size());
        }
        out.onNext(chunk.build());
        if (left == 0) {
          finish();
          out.onCompleted();
          return;
        }
      }
    } catch (IOException e) {
      finish();
      out.onError(Status.UNAVAILABLE.withDescription("cannot read " + ref.digest() + ": " + e.getMessage())
          .asRuntimeException());
    }
  }

  private synchronized void cancelled() {
    finish();
  }

  private void finish() {
    if (done) {
      return;
    }
    done = true;
    try {
      in.close();
    } catch (IOException e) {
      // nothing was lost: the call is over either way
    }
  }
}

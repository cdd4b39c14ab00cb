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
 * lets through). A cancelled call closes the artifact.
 */
final class ArtifactSender {
  static final int CHUNK = 256 * 1024;

  private final ArtifactRef ref;
  private final InputStream in;
  private final ServerCallStreamObserver<ArtifactChunk> out;
  private final byte[] buf = new byte[CHUNK];
  private boolean first = true;
  private boolean done;

  private ArtifactSender(ArtifactRef ref, InputStream in, ServerCallStreamObserver<ArtifactChunk> out) {
    this.ref = ref;
    this.in = in;
    this.out = out;
  }

  /** Starts sending {@code in}, which the sender closes when the artifact is sent, fails or the call is cancelled. */
  static void start(ArtifactRef ref, InputStream in, ServerCallStreamObserver<ArtifactChunk> out) {
    ArtifactSender sender = new ArtifactSender(ref, in, out);
    out.setOnCancelHandler(sender::cancelled);
    out.setOnReadyHandler(sender::sendWhileReady);
    sender.sendWhileReady();
  }

  /** Called on the call's thread at start and on each on-ready; gRPC runs a call's handlers one at a time. */
  private synchronized void sendWhileReady() {
    try {
      while (!done && out.isReady()) {
        int n = in.readNBytes(buf, 0, CHUNK);
        if (n == 0 && !first) {
          finish();
          out.onCompleted();
          return;
        }
        ArtifactChunk.Builder chunk = ArtifactChunk.newBuilder().setData(ByteString.copyFrom(buf, 0, n));
        if (first) {
          chunk.setMediaType(ref.mediaType()).setSize(ref.size());
          first = false;
        }
        out.onNext(chunk.build());
        if (n < CHUNK) {
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

package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReadArtifact over a real socket to a client that reads one chunk at a time: the server reads from the store only
 * about as far as the transport's flow-control window lets it send, not the whole artifact, and the bytes arrive
 * intact.
 */
class ArtifactFlowControlTest {
  private static final long SIZE = 64L * 1024 * 1024;
  /** gRPC's HTTP/2 window (1 MiB, up to 8 MiB as its bandwidth probe grows it) and a little send buffer. */
  private static final long MOST_READ_AHEAD = 16L * 1024 * 1024;
  private static final String TASK = "t-1";

  @TempDir Path dir;
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.shutdownNow();
    }
  }

  @Test
  void shouldReadFromTheStoreOnlyAsFastAsASlowClientReads() throws Exception {
    FileArtifactStore files = FileArtifactStore.unencrypted(dir);
    ArtifactRef ref = files.put(new PatternStream(SIZE), "application/octet-stream");
    CountingStore store = new CountingStore(files);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ArtifactServiceImpl(store, (taskId, scope) -> List.of(TaskArtifact.newBuilder()
            .setStep("s").setKind(TaskArtifactKinds.OUTPUT).setRef(TaskViews.ref(ref)).build()))).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    SlowReader reader = new SlowReader();
    ArtifactServiceGrpc.newStub(channel).readArtifact(ReadArtifactRequest.newBuilder().setTaskId(TASK)
        .setDigest(ref.digest()).build(), reader);

    for (int i = 0; i < 4; i++) {
      reader.call.request(1);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (reader.delivered.get() < 4L * ArtifactSender.CHUNK && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(700); // time for a server that ignored flow control to read the whole artifact
    assertThat(reader.delivered.get()).isEqualTo(4L * ArtifactSender.CHUNK);
    assertThat(store.read.get() - reader.delivered.get()).isLessThan(MOST_READ_AHEAD);

    reader.call.request(Integer.MAX_VALUE);
    assertThat(reader.done.get(30, TimeUnit.SECONDS)).isEqualTo(ref.digest());
    assertThat(reader.delivered.get()).isEqualTo(SIZE);
  }

  /** Requests nothing by itself: the test asks for each chunk. */
  private static final class SlowReader implements ClientResponseObserver<ReadArtifactRequest, ArtifactChunk> {
    final AtomicLong delivered = new AtomicLong();
    final CompletableFuture<String> done = new CompletableFuture<>();
    private final MessageDigest sha = sha256();
    volatile ClientCallStreamObserver<ReadArtifactRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<ReadArtifactRequest> requestStream) {
      call = requestStream;
      requestStream.disableAutoRequestWithInitial(0);
    }

    @Override
    public void onNext(ArtifactChunk chunk) {
      sha.update(chunk.getData().asReadOnlyByteBuffer());
      delivered.addAndGet(chunk.getData().size());
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      done.complete("sha256:" + HexFormat.of().formatHex(sha.digest()));
    }
  }

  /** The store, counting the bytes read from what it opens. */
  private static final class CountingStore extends ForwardingArtifactStore {
    final AtomicLong read = new AtomicLong();

    CountingStore(ArtifactStore store) {
      super(store);
    }

    @Override
    public InputStream open(ArtifactRef ref) throws IOException {
      return new FilterInputStream(store.open(ref)) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            read.addAndGet(n);
          }
          return n;
        }
      };
    }
  }

  /** {@code size} bytes of a pattern that does not repeat every chunk, made as they are read. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private long at;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return at < size ? (int) ((at * 31 + (at++ >> 18)) & 0xff) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - at);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((at * 31 + (at >> 18)) & 0xff);
        at++;
      }
      return n;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

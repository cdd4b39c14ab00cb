package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.nightshift.api.edge.TcpRelay;
import io.nightshift.client.NightshiftClient;
import io.nightshift.client.RetryPolicy;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.crypto.KeyRing;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client's artifact stream when the download drops partway: it reads on from the bytes it has (the API
 * seeks there in the sealed store) and yields exactly the stored bytes, or fails with an IOException when what
 * arrived does not hash to the digest.
 */
class ArtifactResumeTest {
  private static final int SIZE = 8 * 1024 * 1024 + 4_321;
  private static final RetryPolicy PATIENT = new RetryPolicy(20, Duration.ofMillis(50), Duration.ofMillis(200));

  @TempDir Path dir;
  private FileArtifactStore store;
  private byte[] content;
  private ArtifactRef ref;

  @BeforeEach
  void setUp() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    store = new FileArtifactStore(dir, new KeyRing("k1", Map.of("k1", new SecretKeySpec(key, "AES"))));
    content = new byte[SIZE];
    new Random(15).nextBytes(content); // bytes that do not repeat; nothing here needs them secret
    ref = store.put(content, "application/octet-stream");
  }

  @Test
  void shouldReadOnAfterTheConnectionIsCutTwiceAndYieldExactlyTheStoredBytes() throws Exception {
    try (ArtifactsOnSocket api = ArtifactsOnSocket.start(store, List.of(ref));
        TcpRelay relay = TcpRelay.to(api.port()).listen();
        NightshiftClient client = client(relay.address());
        InputStream in = client.openArtifact(ArtifactsOnSocket.TASK, TaskViews.ref(ref))) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      got.writeBytes(in.readNBytes(1024 * 1024));
      relay.cutAll();
      got.writeBytes(in.readNBytes(3 * 1024 * 1024));
      relay.cutAll();
      got.writeBytes(in.readAllBytes());

      assertThat(got.toByteArray()).isEqualTo(content);
      List<Long> offsets = api.readOffsets();
      assertThat(offsets).as("a stream at first, and one after each cut").hasSizeGreaterThanOrEqualTo(3);
      assertThat(offsets.get(0)).isZero();
      assertThat(offsets.subList(1, offsets.size())).as("each resumed stream starts past the bytes delivered")
          .allMatch(o -> o >= 1024 * 1024 && o < SIZE).isSorted();
    }
  }

  @Test
  void shouldResumeFromExactlyTheBytesReceivedWhenTheApiFailsTheStreamWithUnavailable() throws Exception {
    try (ArtifactsOnSocket api = ArtifactsOnSocket.start(store, List.of(ref), new FailFirstStreamAfter(2));
        NightshiftClient client = client(api.address());
        InputStream in = client.openArtifact(ArtifactsOnSocket.TASK, TaskViews.ref(ref))) {
      assertThat(in.readAllBytes()).isEqualTo(content);
      assertThat(api.readOffsets()).containsExactly(0L, 2L * ArtifactSender.CHUNK);
    }
  }

  @Test
  void shouldFailWithAClearIOExceptionWhenAResumedStreamGivesOtherBytes() throws Exception {
    try (ArtifactsOnSocket api = ArtifactsOnSocket.start(new OtherBytesWhenResumed(store), List.of(ref),
        new FailFirstStreamAfter(2));
        NightshiftClient client = client(api.address());
        InputStream in = client.openArtifact(ArtifactsOnSocket.TASK, TaskViews.ref(ref))) {
      IOException e = catchThrowableOfType(IOException.class, in::readAllBytes);

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains(ref.digest()).contains("did not arrive whole")
          .contains(SIZE + " bytes received hash to sha256:");
    }
  }

  @Test
  void shouldGiveUpAfterTheRetryPolicysAttemptsWhenNoByteComes() throws Exception {
    try (ArtifactsOnSocket api = ArtifactsOnSocket.start(store, List.of(ref), new FailFirstStreamAfter(0, 100));
        NightshiftClient client = NightshiftClient.builder().address(api.address())
            .retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10))).build();
        InputStream in = client.openArtifact(ArtifactsOnSocket.TASK, TaskViews.ref(ref))) {
      IOException e = catchThrowableOfType(IOException.class, in::readAllBytes);

      assertThat(e).hasMessageContaining("UNAVAILABLE");
      assertThat(api.readOffsets()).as("three tries in all").hasSize(3);
    }
  }

  private static NightshiftClient client(String address) throws IOException {
    return NightshiftClient.builder().address(address).retry(PATIENT).build();
  }

  /**
   * Ends the first {@code streams} ReadArtifact streams with UNAVAILABLE after {@code chunks} chunks, as an API
   * that went away mid-stream; what the service sends after that goes nowhere.
   */
  private static final class FailFirstStreamAfter implements ServerInterceptor {
    private final int chunks;
    private int streamsLeft;

    FailFirstStreamAfter(int chunks) {
      this(chunks, 1);
    }

    FailFirstStreamAfter(int chunks, int streams) {
      this.chunks = chunks;
      this.streamsLeft = streams;
    }

    @Override
    public synchronized <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      if (streamsLeft == 0) {
        return next.startCall(call, headers);
      }
      streamsLeft--;
      return next.startCall(new SimpleForwardingServerCall<>(call) {
        private int sent;
        private boolean failed;

        @Override
        public void sendMessage(A message) {
          if (sent == chunks && !failed) {
            failed = true;
            super.close(Status.UNAVAILABLE.withDescription("the API went away mid-stream"), new Metadata());
          }
          if (!failed) {
            sent++;
            super.sendMessage(message);
          }
        }

        @Override
        public void close(Status status, Metadata trailers) {
          if (!failed) {
            super.close(status, trailers);
          }
        }
      }, headers);
    }
  }

  /** The store, but a stream opened from an offset past 0 has its first byte changed. */
  private static final class OtherBytesWhenResumed extends ForwardingArtifactStore {
    OtherBytesWhenResumed(ArtifactStore store) {
      super(store);
    }

    @Override
    public InputStream open(ArtifactRef ref, long offset) throws IOException {
      InputStream in = store.open(ref, offset);
      if (offset == 0) {
        return in;
      }
      AtomicBoolean changed = new AtomicBoolean();
      return new FilterInputStream(in) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0 && !changed.getAndSet(true)) {
            b[off] ^= 0x01;
          }
          return n;
        }
      };
    }
  }
}

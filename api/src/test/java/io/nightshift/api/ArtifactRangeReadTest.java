package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.crypto.KeyRing;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReadArtifact from an offset, and for a length, over a sealed store as the runtime's: the chunks are exactly that
 * part of the stored bytes, the first says where it starts, and a range outside the artifact is refused naming the
 * field.
 */
class ArtifactRangeReadTest {
  /** Two whole chunks and part of a third. */
  private static final int SIZE = 2 * ArtifactSender.CHUNK + 70_001;

  @TempDir Path dir;
  private byte[] content;
  private ArtifactRef ref;
  private ArtifactsOnSocket api;
  private ManagedChannel channel;

  @BeforeEach
  void setUp() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    FileArtifactStore store = new FileArtifactStore(dir, new KeyRing("k1", Map.of("k1", new SecretKeySpec(key,
        "AES"))));
    content = new byte[SIZE];
    new SecureRandom().nextBytes(content);
    ref = store.put(content, "chemical/x-mdl-sdfile");
    api = ArtifactsOnSocket.start(store, List.of(ref));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", api.port()).usePlaintext().build();
  }

  @AfterEach
  void tearDown() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    api.close();
  }

  @Test
  void shouldStreamFromTheOffsetAndSayInTheFirstChunkWhereItStarts() {
    int offset = ArtifactSender.CHUNK + 12_345;
    List<ArtifactChunk> chunks = read(offset, 0);

    assertThat(joined(chunks)).isEqualTo(Arrays.copyOfRange(content, offset, SIZE));
    assertThat(chunks.get(0).getOffset()).isEqualTo(offset);
    assertThat(chunks.get(0).getSize()).isEqualTo(SIZE);
    assertThat(chunks.get(0).getMediaType()).isEqualTo("chemical/x-mdl-sdfile");
    assertThat(read(0, 0).get(0).getOffset()).isZero();
    assertThat(joined(read(0, 0))).isEqualTo(content);
  }

  @Test
  void shouldSendAtMostLengthBytesAndToTheEndWhenLengthReachesPastIt() {
    assertThat(joined(read(100, 1_000))).isEqualTo(Arrays.copyOfRange(content, 100, 1_100));
    assertThat(joined(read(ArtifactSender.CHUNK - 10, ArtifactSender.CHUNK + 20)))
        .isEqualTo(Arrays.copyOfRange(content, ArtifactSender.CHUNK - 10, 2 * ArtifactSender.CHUNK + 10));
    assertThat(joined(read(SIZE - 5, 1_000_000))).isEqualTo(Arrays.copyOfRange(content, SIZE - 5, SIZE));
  }

  @Test
  void shouldAnswerAnOffsetAtTheSizeWithOneChunkOfNoDataThatNamesTheSizeAndType() {
    List<ArtifactChunk> chunks = read(SIZE, 0);

    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).getData().isEmpty()).isTrue();
    assertThat(chunks.get(0).getSize()).isEqualTo(SIZE);
    assertThat(chunks.get(0).getOffset()).isEqualTo(SIZE);
    assertThat(chunks.get(0).getMediaType()).isEqualTo("chemical/x-mdl-sdfile");
  }

  @Test
  void shouldRefuseAnOffsetOutsideTheArtifactAndANegativeLengthNamingTheField() {
    assertThat(refusedField(-1, 0)).isEqualTo("offset");
    assertThat(refusedField(SIZE + 1, 0)).isEqualTo("offset");
    assertThat(refusedField(0, -1)).isEqualTo("length");
  }

  private List<ArtifactChunk> read(long offset, long length) {
    List<ArtifactChunk> chunks = new ArrayList<>();
    ArtifactServiceGrpc.newBlockingStub(channel).readArtifact(request(offset, length)).forEachRemaining(chunks::add);
    return chunks;
  }

  private ReadArtifactRequest request(long offset, long length) {
    return ReadArtifactRequest.newBuilder().setTaskId(ArtifactsOnSocket.TASK).setDigest(ref.digest())
        .setMediaType(ref.mediaType()).setOffset(offset).setLength(length).build();
  }

  private String refusedField(long offset, long length) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> read(offset, length));
    assertThat(e).as("offset %d, length %d", offset, length).isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
    } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
      throw new AssertionError(bad);
    }
  }

  private static byte[] joined(List<ArtifactChunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(c -> out.writeBytes(c.getData().toByteArray()));
    return out.toByteArray();
  }
}

package io.nightshift.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.crypto.AesGcm;
import io.nightshift.core.crypto.KeyRing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's artifact store seals every file at rest, under the digest of its plaintext. */
class SealedArtifactStoreTest {
  private static final String MARKER = "marker_ABL1_binders_max_mw_450";
  private static final SecretKey A = randomKey();
  private static final SecretKey B = randomKey();
  private static final KeyRing ONLY_A = new KeyRing("key-a", Map.of("key-a", A));

  @TempDir Path dir;

  @Test
  void shouldReadBackWhatItSealedUnderTheDigestAndSizeOfThePlaintext() throws Exception {
    FileArtifactStore store = new FileArtifactStore(dir, ONLY_A);
    byte[] content = ("goal: " + MARKER + "\n").getBytes(StandardCharsets.UTF_8);

    ArtifactRef ref = store.put(content, "text/plain");

    assertThat(ref.digest()).isEqualTo("sha256:" + sha256Hex(content));
    assertThat(ref.size()).isEqualTo(content.length);
    assertThat(store.read(ref)).isEqualTo(content);
    assertThat(new FileArtifactStore(dir, ONLY_A).find(ref.digest())).contains(ref);
    assertThat(store.put(content, "text/plain")).as("same content, same reference").isEqualTo(ref);
    assertThat(contentFiles()).hasSize(1);
  }

  @Test
  void shouldLeaveTheMarkerInNoFileOfTheStore() throws Exception {
    FileArtifactStore store = new FileArtifactStore(dir, ONLY_A);
    store.put(("a,b\n" + MARKER + ",1\n").getBytes(StandardCharsets.UTF_8), "text/csv");
    store.put(new ByteArrayInputStream(MARKER.repeat(10_000).getBytes(StandardCharsets.UTF_8)), "text/plain");

    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(MARKER);
      }
    }
  }

  @Test
  void shouldRefuseToReadAFileWithAnyOneByteChanged() throws Exception {
    FileArtifactStore store = new FileArtifactStore(dir, ONLY_A);
    ArtifactRef ref = store.put(MARKER.getBytes(StandardCharsets.UTF_8), "text/plain");
    Path file = onlyContentFile();
    byte[] sealed = Files.readAllBytes(file);

    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= 0x01;
      Files.write(file, altered);
      assertThatThrownBy(() -> store.read(ref)).as("byte %d of %d changed", i, sealed.length)
          .isInstanceOf(IOException.class).hasMessageContaining(ref.digest());
    }
    Files.write(file, sealed);
    assertThat(store.read(ref)).asString(StandardCharsets.UTF_8).isEqualTo(MARKER);
  }

  @Test
  void shouldSealNewArtifactsWithTheNewKeyAndStillOpenThoseTheOldOneSealed() throws Exception {
    ArtifactRef before = new FileArtifactStore(dir, ONLY_A).put(bytes("before rotation"), "text/plain");
    FileArtifactStore rotated = new FileArtifactStore(dir, new KeyRing("key-b", Map.of("key-a", A, "key-b", B)));

    ArtifactRef after = rotated.put(bytes("after rotation"), "text/plain");

    assertThat(rotated.read(before)).isEqualTo(bytes("before rotation"));
    assertThat(rotated.read(after)).isEqualTo(bytes("after rotation"));
    assertThat(keyIdOf(before)).isEqualTo("key-a");
    assertThat(keyIdOf(after)).isEqualTo("key-b");
  }

  @Test
  void shouldNameTheKeyIdOfAnArtifactSealedWithAKeyItDoesNotHold() throws Exception {
    ArtifactRef ref = new FileArtifactStore(dir, ONLY_A).put(bytes(MARKER), "text/plain");
    FileArtifactStore other = new FileArtifactStore(dir, new KeyRing("key-b", Map.of("key-b", B)));

    assertThatThrownBy(() -> other.read(ref)).isInstanceOf(IOException.class).hasMessageContaining(ref.digest())
        .hasMessageContaining("key id 'key-a'").hasMessageContaining("[key-b]");
  }

  @Test
  void shouldReadPlaintextFilesStoredBeforeEncryption() throws Exception {
    FileArtifactStore before = FileArtifactStore.unencrypted(dir);
    // text, a binary file starting like PNG (0x89 'P'), and bytes sharing the magic's first half
    List<byte[]> contents = List.of(bytes("a,b\n1,2\n"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
        '\n', 0, 0}, Arrays.copyOf(SealedArtifactHeader.MAGIC, 4), new byte[0]);
    List<ArtifactRef> refs = contents.stream().map(c -> put(before, c)).toList();
    FileArtifactStore sealed = new FileArtifactStore(dir, ONLY_A);

    for (int i = 0; i < refs.size(); i++) {
      assertThat(sealed.read(refs.get(i))).isEqualTo(contents.get(i));
      assertThat(sealed.find(refs.get(i).digest()).orElseThrow().size()).isEqualTo(contents.get(i).length);
    }
  }

  @Test
  void shouldRefuseAPlaintextFileWhoseBytesNoLongerMatchItsDigest() throws Exception {
    ArtifactRef ref = FileArtifactStore.unencrypted(dir).put(bytes("a,b\n1,2\n"), "text/csv");
    Files.write(onlyContentFile(), bytes("a,b\n1,3\n"));

    assertThatThrownBy(() -> new FileArtifactStore(dir, ONLY_A).read(ref))
        .hasMessageContaining(ref.digest()).hasMessageContaining("was altered or replaced");
  }

  @Test
  void shouldRefuseASealedFileMovedUnderAnotherArtifactsName() throws Exception {
    FileArtifactStore store = new FileArtifactStore(dir, ONLY_A);
    ArtifactRef one = store.put(bytes("one"), "text/plain");
    ArtifactRef two = store.put(bytes("two"), "text/plain");
    Path fileOfOne = dir.resolve("sha256").resolve(one.hex().substring(0, 2)).resolve(one.hex());
    Path fileOfTwo = dir.resolve("sha256").resolve(two.hex().substring(0, 2)).resolve(two.hex());

    Files.copy(fileOfTwo, fileOfOne, StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> store.read(one)).hasMessageContaining(one.digest())
        .hasMessageContaining("failed its integrity check");
  }

  @Test
  void shouldStreamContentInSegmentsAndRefuseSegmentsDroppedOrReordered() throws Exception {
    FileArtifactStore store = new FileArtifactStore(dir, new SealedArtifactFiles(new AesGcm(ONLY_A), 16));
    for (int size : new int[] {0, 1, 15, 16, 17, 32, 33, 1000}) {
      byte[] content = new byte[size];
      new SecureRandom().nextBytes(content);
      ArtifactRef ref = store.put(new ByteArrayInputStream(content), "application/octet-stream");
      assertThat(store.find(ref.digest()).orElseThrow().size()).as("size of %d bytes", size).isEqualTo(size);
      try (InputStream in = store.open(ref)) {
        assertThat(in.readAllBytes()).as("%d bytes", size).isEqualTo(content);
      }
    }

    ArtifactRef three = store.put(bytes("0123456789abcdef".repeat(3)), "text/plain"); // three full segments
    Path file = dir.resolve("sha256").resolve(three.hex().substring(0, 2)).resolve(three.hex());
    byte[] sealed = Files.readAllBytes(file);
    int segment = 16 + AesGcm.OVERHEAD;
    int header = sealed.length - 3 * segment;

    Files.write(file, Arrays.copyOf(sealed, sealed.length - segment)); // the last segment dropped
    assertThatThrownBy(() -> store.read(three)).hasMessageContaining("failed its integrity check at segment 1");
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, header + segment, swapped, header, segment);
    System.arraycopy(sealed, header, swapped, header + segment, segment);
    Files.write(file, swapped);
    assertThatThrownBy(() -> store.read(three)).hasMessageContaining("failed its integrity check at segment 0");
    Files.write(file, Arrays.copyOf(sealed, sealed.length + segment)); // a segment of zeros appended
    assertThatThrownBy(() -> store.read(three)).hasMessageContaining("failed its integrity check at segment 2");
  }

  @Test
  void shouldTellAStoreWithoutKeysThatTheFileIsSealed() throws Exception {
    ArtifactRef ref = new FileArtifactStore(dir, ONLY_A).put(bytes(MARKER), "text/plain");

    assertThatThrownBy(() -> FileArtifactStore.unencrypted(dir).read(ref)).hasMessageContaining(ref.digest())
        .hasMessageContaining("stored encrypted").hasMessageContaining("key file");
  }

  private String keyIdOf(ArtifactRef ref) throws IOException {
    Path file = dir.resolve("sha256").resolve(ref.hex().substring(0, 2)).resolve(ref.hex());
    try (InputStream in = Files.newInputStream(file)) {
      return SealedArtifactHeader.read(in, ref.digest()).keyId();
    }
  }

  private List<Path> contentFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(dir.resolve("sha256"))) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().contains(".type")).toList();
    }
  }

  private Path onlyContentFile() throws IOException {
    List<Path> files = contentFiles();
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  private static ArtifactRef put(FileArtifactStore store, byte[] content) {
    try {
      return store.put(content, "application/octet-stream");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256Hex(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static SecretKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }
}

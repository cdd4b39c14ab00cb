package io.nightshift.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.crypto.AesGcm;
import io.nightshift.core.crypto.KeyRing;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An artifact read from an offset, as a resumed download reads it: the same bytes as the tail of a whole read, for
 * every offset up to the size, with a sealed file entered at its segment (the ones before are never read) and a
 * plain one still checked against its digest.
 */
class ArtifactOffsetReadTest {
  private static final int SEGMENT = 16;

  @TempDir Path dir;

  @Test
  void shouldReadTheTailFromEveryOffsetOfASealedFileAcrossSegmentBoundaries() throws Exception {
    FileArtifactStore store = sealed();
    for (int size : new int[] {0, 1, 15, 16, 17, 32, 33, 100}) {
      byte[] content = random(size);
      ArtifactRef ref = store.put(new ByteArrayInputStream(content), "application/octet-stream");
      for (int offset = 0; offset <= size; offset++) {
        try (InputStream in = store.open(ref, offset)) {
          assertThat(in.readAllBytes()).as("%d bytes from %d", size, offset)
              .isEqualTo(Arrays.copyOfRange(content, offset, size));
        }
      }
    }
  }

  @Test
  void shouldSeekPastTheSegmentsBeforeTheOffsetWithoutOpeningThem() throws Exception {
    FileArtifactStore store = sealed();
    byte[] content = random(5 * SEGMENT);
    ArtifactRef ref = store.put(content, "application/octet-stream");
    Path file = contentFile(ref);
    byte[] sealed = Files.readAllBytes(file);
    int header = sealed.length - 5 * (SEGMENT + AesGcm.OVERHEAD);
    sealed[header + 5] ^= 0x01; // segment 0 altered: a reader that decrypted it would fail
    Files.write(file, sealed);

    try (InputStream in = store.open(ref, 3 * SEGMENT + 2)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 3 * SEGMENT + 2, content.length));
    }
    assertThatThrownBy(() -> store.read(ref)).hasMessageContaining("integrity check at segment 0");
  }

  @Test
  void shouldStillCheckThatASealedFileEndsWhereItsDigestSaysWhenReadFromTheEnd() throws Exception {
    FileArtifactStore store = sealed();
    byte[] content = random(3 * SEGMENT);
    ArtifactRef ref = store.put(content, "application/octet-stream");
    Path file = contentFile(ref);
    byte[] sealed = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(sealed, sealed.length - (SEGMENT + AesGcm.OVERHEAD))); // last segment cut off

    // the file now looks like 2 segments' worth: its end is where a reader that holds those bytes resumes
    assertThat(store.find(ref.digest()).orElseThrow().size()).isEqualTo(2 * SEGMENT);
    assertThatThrownBy(() -> store.open(ref, 2 * SEGMENT).readAllBytes())
        .hasMessageContaining(ref.digest()).hasMessageContaining("integrity check at segment 1");
    assertThatThrownBy(() -> store.open(ref, 3 * SEGMENT)).hasMessageContaining("cut short");
  }

  @Test
  void shouldCheckAPlainFileAgainstItsDigestEvenWhenTheAlteredByteIsBeforeTheOffset() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    byte[] content = random(1000);
    ArtifactRef ref = store.put(content, "application/octet-stream");
    try (InputStream in = store.open(ref, 600)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 600, 1000));
    }
    byte[] altered = content.clone();
    altered[10] ^= 0x01;
    Files.write(contentFile(ref), altered);

    assertThatThrownBy(() -> store.open(ref, 600).readAllBytes()).hasMessageContaining("altered or replaced");
  }

  private FileArtifactStore sealed() throws Exception {
    KeyRing keys = new KeyRing("k", Map.of("k", new SecretKeySpec(random(32), "AES")));
    return new FileArtifactStore(dir, new SealedArtifactFiles(new AesGcm(keys), SEGMENT));
  }

  private Path contentFile(ArtifactRef ref) {
    return dir.resolve("sha256").resolve(ref.hex().substring(0, 2)).resolve(ref.hex());
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}

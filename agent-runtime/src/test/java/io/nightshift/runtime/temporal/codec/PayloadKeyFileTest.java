package io.nightshift.runtime.temporal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PayloadKeyFileTest {
  @TempDir Path dir;

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void shouldCreateTheKeyDirectoryAndItsMissingParentsForTheirOwnerOnly() throws IOException {
    Path file = dir.resolve("elsewhere/keys/payload-keys");

    PayloadKeyFile.openOrCreate(file);

    for (Path created : List.of(dir.resolve("elsewhere"), dir.resolve("elsewhere/keys"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).as(created.toString())
          .isEqualTo("rwx------");
    }
  }

  @Test
  void shouldCreateAnOwnerOnlyFileWithOneFreshKeyOnFirstStart() throws IOException {
    Path file = dir.resolve("keys/payload-keys");

    KeyRing keys = PayloadKeyFile.openOrCreate(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(keys.ids()).containsExactly(keys.currentId());
    assertThat(keys.key(keys.currentId()).getEncoded()).hasSize(32);
    assertThat(PayloadKeyFile.openOrCreate(file)).isEqualTo(keys); // the second start reads the same key
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file); // no temporary file left beside it
    }
  }

  @Test
  void shouldGiveProcessesStartingAtOnceTheSameKey() throws Exception {
    Path file = dir.resolve("keys/payload-keys");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<KeyRing>> starts = pool.invokeAll(
          Collections.nCopies(8, (Callable<KeyRing>) () -> PayloadKeyFile.openOrCreate(file)));
      Set<KeyRing> seen = new HashSet<>();
      for (Future<KeyRing> f : starts) {
        seen.add(f.get());
      }
      assertThat(seen).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldMakeTheLastKeyCurrentAndKeepTheOthers() throws IOException {
    String first = PayloadKeyFile.newKeyLine();
    String second = "rotated-2:" + Base64.getEncoder().encodeToString(new byte[32]);
    Path file = write("# keys\n\n" + first + "\n" + second + "\n");

    KeyRing keys = PayloadKeyFile.read(file);

    assertThat(keys.currentId()).isEqualTo("rotated-2");
    assertThat(keys.ids()).containsExactly(first.substring(0, first.indexOf(':')), "rotated-2");
  }

  @Test
  void shouldRefuseAFileOthersCanRead() throws IOException {
    Path file = write(PayloadKeyFile.newKeyLine() + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> PayloadKeyFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
  }

  @Test
  void shouldRefuseAKeyThatIsNot32BytesNamingTheLine() throws IOException {
    Path file = write(PayloadKeyFile.newKeyLine() + "\nshort:" + Base64.getEncoder().encodeToString(new byte[16])
        + "\n");

    assertThatThrownBy(() -> PayloadKeyFile.read(file)).hasMessageContaining(file.toString())
        .hasMessageContaining("line 2").hasMessageContaining("'short' is 16 bytes; AES-256 needs 32");
  }

  @Test
  void shouldRefuseMalformedLines() throws IOException {
    assertThatThrownBy(() -> PayloadKeyFile.read(write("no colon here\n"))).hasMessageContaining("line 1")
        .hasMessageContaining("expected 'id:base64key'");
    assertThatThrownBy(() -> PayloadKeyFile.read(write("k:not base64!\n"))).hasMessageContaining("not base64");
    assertThatThrownBy(() -> PayloadKeyFile.read(write("bad id:" + Base64.getEncoder()
        .encodeToString(new byte[32]) + "\n"))).hasMessageContaining("key id 'bad id'");
    String line = PayloadKeyFile.newKeyLine();
    assertThatThrownBy(() -> PayloadKeyFile.read(write(line + "\n" + line + "\n"))).hasMessageContaining("twice");
    assertThatThrownBy(() -> PayloadKeyFile.read(write("# only a comment\n"))).hasMessageContaining("holds no key");
  }

  @Test
  void shouldRefuseAFileItCannotRead() throws IOException {
    // a directory where the file should be: unreadable as a file even to root, who reads past permissions
    Path notAFile = Files.createDirectory(dir.resolve("payload-keys"));
    Files.setPosixFilePermissions(notAFile, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> PayloadKeyFile.read(notAFile)).hasMessageContaining(notAFile.toString())
        .hasMessageContaining("cannot be read");
    Path missing = dir.resolve("none/payload-keys");
    assertThatThrownBy(() -> PayloadKeyFile.read(missing)).hasMessageContaining(missing.toString())
        .hasMessageContaining("cannot be read");
  }

  private int files;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("keys-" + files++);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}

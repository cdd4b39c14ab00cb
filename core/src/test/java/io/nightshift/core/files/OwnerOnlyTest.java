package io.nightshift.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class OwnerOnlyTest {
  @TempDir Path dir;

  @Test
  void shouldCreateEveryMissingDirectoryOwnerOnlyWhateverTheUmask() throws Exception {
    Path deep = OwnerOnly.createDirectories(dir.resolve("data/artifacts/sha256"));

    for (Path p : new Path[] {dir.resolve("data"), dir.resolve("data/artifacts"), deep}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
          .isEqualTo("rwx------");
    }
  }

  @Test
  void shouldTightenAnExistingDirectoryAndSayWhatItWas() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x")); // past the umask

    assertThat(OwnerOnly.tighten(data)).contains("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(OwnerOnly.tighten(data)).as("nothing left to tighten").isEmpty();
  }
}

package io.nightshift.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts hold task data: no other account on the machine may list or read them. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ArtifactFilePermissionsTest {
  @TempDir Path dir;

  @Test
  void shouldKeepEveryDirectoryAndFileOfTheStoreToItsOwner() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    store.put("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    store.put("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/plain");

    List<Path> all;
    try (Stream<Path> walk = Files.walk(store.root())) {
      all = walk.toList();
    }
    assertThat(all).filteredOn(Files::isRegularFile).as("the bytes, the first type, one file per type").hasSize(4);
    for (Path p : all) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }
}

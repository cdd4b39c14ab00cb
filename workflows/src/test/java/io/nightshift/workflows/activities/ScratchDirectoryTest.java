package io.nightshift.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {
  @TempDir
  Path root;

  @Test
  void shouldMakeNothingForAStepThatNeverAsks() throws Exception {
    Path scratchRoot = root.resolve("scratch");
    new ScratchDirectory(scratchRoot, "step-").close();
    assertThat(scratchRoot).doesNotExist();
  }

  @Test
  void shouldMakeOneDirectoryOnFirstUseAndRemoveItWithItsContents() throws Exception {
    ScratchDirectory scratch = new ScratchDirectory(root, "dock-");
    Path dir = scratch.path();
    assertThat(scratch.path()).isEqualTo(dir);
    assertThat(dir.getFileName().toString()).startsWith("dock-");
    Files.createDirectories(dir.resolve("poses"));
    Files.writeString(dir.resolve("poses/ligand.pdbqt"), "ATOM");
    scratch.close();
    assertThat(dir).doesNotExist();
    assertThat(root).isEmptyDirectory();
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void shouldMakeTheRootAndEachDirectoryForTheRuntimesUserOnly() throws Exception {
    Path scratchRoot = root.resolve("data/scratch");
    try (ScratchDirectory scratch = new ScratchDirectory(scratchRoot, "step-")) {
      Path dir = scratch.path();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratchRoot))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
  }
}

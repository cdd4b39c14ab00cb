package io.nightshift.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class DataDirectoriesTest {
  @TempDir Path dir;

  @Test
  void shouldCreateTheDataDirectoryAndWhatItHoldsForItsOwnerOnly() throws Exception {
    RuntimeConfig config = RuntimeConfig.defaults(dir.resolve("home/.nightshift"));

    DataDirectories.prepare(config);

    for (Path p : new Path[] {config.dataDir(), config.artifactsDir(), config.scratchDir(), config.logsDir(),
        config.inputsDir(), config.payloadKeysFile().getParent()}) {
      assertThat(mode(p)).as(p.toString()).isEqualTo("rwx------");
    }
  }

  @Test
  void shouldTightenADataDirectoryThatOthersCouldRead() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path existingLogs = Files.createDirectory(data.resolve("logs"));
    Files.setPosixFilePermissions(existingLogs, PosixFilePermissions.fromString("rwxr-xr-x"));

    DataDirectories.prepare(RuntimeConfig.defaults(data));

    assertThat(mode(data)).isEqualTo("rwx------");
    // nobody else can enter the data directory now, so what was already inside it is left as it was
    assertThat(mode(existingLogs)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void shouldTightenAKeyDirectoryInsideTheDataDirectoryButLeaveOneTheOperatorKeepsElsewhere() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path keys = Files.createDirectory(data.resolve("keys"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path etc = Files.createDirectory(dir.resolve("etc"));
    Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwxr-xr-x"));

    DataDirectories.prepare(RuntimeConfig.defaults(data));
    DataDirectories.prepare(RuntimeConfig.builder(dir.resolve("other")).payloadKeysFile(etc.resolve("payload-keys"))
        .build());

    assertThat(mode(keys)).isEqualTo("rwx------");
    assertThat(mode(etc)).isEqualTo("rwxr-xr-x");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}

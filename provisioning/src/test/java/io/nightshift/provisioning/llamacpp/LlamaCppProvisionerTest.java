package io.nightshift.models.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What provisioning reuses and what it refuses, without pip or the network: the "python" here is a shell script
 * that answers the import check with a chosen exit code. The real install runs in LlamaCppServerIT.
 */
class LlamaCppProvisionerTest {
  @TempDir Path dataDir;

  private static Path script(Path path, String body) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }

  private void modelInPlace(LlamaCppProvisioner provisioner) throws IOException {
    Files.createDirectories(provisioner.modelFile().getParent());
    Files.write(provisioner.modelFile(), "GGUF....".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void shouldReuseACompleteEnvironmentAndModelWithoutInstallingAgain() throws IOException {
    LlamaCppProvisioner provisioner = LlamaCppProvisioner.builder(dataDir).basePython("/nonexistent/python").build();
    Path python = script(provisioner.venvDir().resolve("bin/python"), "exit 0");
    Files.writeString(provisioner.venvDir().resolve(".nightshift-ready"), LlamaCppProvisioner.DEFAULT_PACKAGE);
    modelInPlace(provisioner);

    LlamaCppInstallation installation = provisioner.provision();

    assertThat(installation.python()).isEqualTo(python);
    assertThat(installation.modelFile()).isEqualTo(provisioner.modelFile());
    assertThat(installation.modelName()).isEqualTo(LlamaCppProvisioner.MODEL_NAME);
  }

  @Test
  void shouldUseAnExistingEnvironmentOnlyWhenTheServerImportsThere() throws IOException {
    Path working = script(dataDir.resolve("elsewhere/ok/bin/python"), "exit 0");
    script(dataDir.resolve("elsewhere/broken/bin/python"), "exit 1");
    LlamaCppProvisioner adopting = LlamaCppProvisioner.builder(dataDir)
        .existingVenv(dataDir.resolve("elsewhere/ok")).basePython("/nonexistent/python").build();
    modelInPlace(adopting);

    assertThat(adopting.provision().python()).isEqualTo(working);

    LlamaCppProvisioner notAdopting = LlamaCppProvisioner.builder(dataDir)
        .existingVenv(dataDir.resolve("elsewhere/broken")).basePython("/nonexistent/python").build();
    // falls back to installing into the data directory, which fails here for want of a Python
    assertThatThrownBy(notAdopting::provision)
        .isInstanceOf(LlamaCppException.class)
        .hasMessageContaining("cannot run /nonexistent/python");
  }

  @Test
  void shouldRebuildAnEnvironmentLeftHalfInstalled() throws IOException {
    LlamaCppProvisioner provisioner = LlamaCppProvisioner.builder(dataDir).basePython("/nonexistent/python").build();
    script(provisioner.venvDir().resolve("bin/python"), "exit 0"); // no ready marker: pip never finished

    assertThatThrownBy(provisioner::provision).hasMessageContaining("cannot run /nonexistent/python");
    assertThat(provisioner.venvDir()).doesNotExist();
  }

  @Test
  void shouldDefaultTheDataDirectoryToTheSystemProperty() {
    String before = System.getProperty("nightshift.dataDir");
    System.setProperty("nightshift.dataDir", dataDir.toString());
    try {
      assertThat(LlamaCppProvisioner.defaultDataDir()).isEqualTo(dataDir);
    } finally {
      if (before == null) {
        System.clearProperty("nightshift.dataDir");
      } else {
        System.setProperty("nightshift.dataDir", before);
      }
    }
  }
}

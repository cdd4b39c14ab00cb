package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.provisioning.ProvisioningException;
import io.nightshift.provisioning.python.PythonLock;
import io.nightshift.provisioning.python.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What provisioning reuses and what it refuses, without pip or the network: the "pythons" here are shell scripts.
 * The real compile, install and first answer run in LlamaCppPortableBuildIT.
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
  void shouldReuseAWheelAnEnvironmentAndAModelThatAlreadyAnswered() throws IOException {
    LlamaCppProvisioner provisioner = LlamaCppProvisioner.builder(dataDir).basePython("/nonexistent/python")
        .flags(LlamaCppBuildFlags.portable("amd64")).build();
    LlamaCppWheel wheel = new LlamaCppWheel(provisioner.wheelhouse(), provisioner.flags(), "/nonexistent/python",
        Duration.ofMinutes(1));
    Files.createDirectories(wheel.folder());
    Files.writeString(wheel.folder().resolve("llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl"), "a wheel");
    String digest = Requirements.digest(List.of(PythonLock.LLAMA_CPP_SERVER.requirements(), wheel.ensure()));
    Path python = script(provisioner.venvDir().resolve("bin/python"), "exit 0");
    Files.writeString(provisioner.venvDir().resolve(".nightshift-ready"), digest);
    modelInPlace(provisioner);
    Files.writeString(dataDir.resolve("llama-cpp/answered"), digest + " " + provisioner.modelFile());

    LlamaCppInstallation installation = provisioner.provision();

    assertThat(installation.python()).isEqualTo(python);
    assertThat(installation.modelFile()).isEqualTo(provisioner.modelFile());
    assertThat(installation.modelName()).isEqualTo(LlamaCppProvisioner.MODEL_NAME);
    assertThat(installation.buildFlags()).contains("-DGGML_NATIVE=OFF").contains("portable");
  }

  @Test
  void shouldNotTakeAWheelBuiltWithOtherFlags() throws IOException {
    LlamaCppWheel portable = new LlamaCppWheel(dataDir.resolve("wheels"), LlamaCppBuildFlags.portable("amd64"),
        "/nonexistent/python", Duration.ofMinutes(1));
    Files.createDirectories(portable.folder());
    Files.writeString(portable.folder().resolve("llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl"), "a wheel");
    LlamaCppWheel other = new LlamaCppWheel(dataDir.resolve("wheels"), new LlamaCppBuildFlags(
        List.of("-DGGML_NATIVE=OFF", "-DGGML_AVX512=ON"), "test"), "/nonexistent/python", Duration.ofMinutes(1));

    assertThat(other.folder()).isNotEqualTo(portable.folder());
    // no wheel for these flags: it must compile, which needs a python
    assertThatThrownBy(other::ensure).isInstanceOf(ProvisioningException.class)
        .hasMessageContaining("cannot run /nonexistent/python");
  }

  @Test
  void shouldUseAnExistingEnvironmentOnlyWhenTheServerImportsThere() throws IOException {
    Path working = script(dataDir.resolve("elsewhere/ok/bin/python"), "exit 0");
    script(dataDir.resolve("elsewhere/broken/bin/python"), "exit 1");
    LlamaCppProvisioner adopting = LlamaCppProvisioner.builder(dataDir)
        .existingVenv(dataDir.resolve("elsewhere/ok")).basePython("/nonexistent/python").build();
    modelInPlace(adopting);

    LlamaCppInstallation adopted = adopting.provision();
    assertThat(adopted.python()).isEqualTo(working);
    assertThat(adopted.buildFlags()).contains("not provisioned by Nightshift");

    LlamaCppProvisioner notAdopting = LlamaCppProvisioner.builder(dataDir)
        .existingVenv(dataDir.resolve("elsewhere/broken")).basePython("/nonexistent/python").build();
    // falls back to compiling into the data directory, which fails here for want of a Python
    assertThatThrownBy(notAdopting::provision)
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining("cannot run /nonexistent/python");
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

package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures, fast, with stand-ins for the server. The real server runs in LlamaCppServerIT. */
class LlamaCppServerTest {
  private static final String FLAGS = "-DGGML_NATIVE=OFF -DGGML_AVX2=ON (test)";
  @TempDir Path dir;

  private LlamaCppInstallation installationWithPython(String body) throws IOException {
    Path python = dir.resolve("python");
    Files.writeString(python, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path model = Files.write(dir.resolve("m.gguf"), "GGUF".getBytes(StandardCharsets.US_ASCII));
    return new LlamaCppInstallation(python, LlamaCppLauncher.writeInto(dir), model, "m", FLAGS);
  }

  @Test
  void shouldReportTheServersOwnWordsWhenItDiesWhileStarting() throws IOException {
    LlamaCppInstallation installation =
        installationWithPython("echo 'error loading model: unknown architecture' >&2; exit 3");

    assertThatThrownBy(() -> LlamaCppServer.builder(installation).logFile(dir.resolve("server.log"))
            .startupTimeout(Duration.ofSeconds(20)).start())
        .isInstanceOf(LlamaCppException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("error loading model: unknown architecture");
  }

  @Test
  void shouldNotCountAServerReadyUntilItAnswersAChatCompletion() throws IOException {
    Path stub = dir.resolve("dies_on_first_answer.py");
    try (InputStream in = getClass().getResourceAsStream("/llamacpp/dies_on_first_answer.py")) {
      Files.copy(in, stub);
    }
    // "python LAUNCHER ARGS" becomes "python3 STUB ARGS"
    LlamaCppInstallation installation = installationWithPython("shift 1\nexec python3 " + stub + " \"$@\"");

    assertThatThrownBy(() -> LlamaCppServer.builder(installation).logFile(dir.resolve("server.log"))
            .startupTimeout(Duration.ofSeconds(30)).start())
        .isInstanceOf(LlamaCppException.class)
        .hasMessageContaining("listed its model, but its first chat completion died (exit code 139, killed by"
            + " signal 11)")
        .hasMessageContaining("built with: " + FLAGS)
        .hasMessageContaining("Server log: " + dir.resolve("server.log"))
        .hasMessageContaining("ggml_backend_amx_mul_mat: about to compute");
  }

  @Test
  void shouldGiveUpAfterTheStartupTimeoutAndStopTheProcess() throws IOException {
    LlamaCppInstallation installation = installationWithPython("exec sleep 30");

    assertThatThrownBy(() -> LlamaCppServer.builder(installation).logFile(dir.resolve("server.log"))
            .startupTimeout(Duration.ofMillis(600)).start())
        .isInstanceOf(LlamaCppException.class)
        .hasMessageContaining("did not answer GET /v1/models within PT0.6S");
  }

  @Test
  void shouldValidateItsSettings() throws IOException {
    LlamaCppInstallation installation = installationWithPython("exit 0");

    assertThatThrownBy(() -> LlamaCppServer.builder(installation).port(70000)).hasMessageContaining("port must be");
    assertThatThrownBy(() -> LlamaCppServer.builder(installation).contextSize(10))
        .hasMessageContaining("contextSize must be at least 256");
    assertThatThrownBy(() -> LlamaCppServer.builder(installation).threads(0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> LlamaCppServer.builder(installation).cores("1; rm -rf /"))
        .hasMessageContaining("cores must be a taskset list");
  }

  @Test
  void shouldRunOnlyOnTheCoresItIsPinnedTo() throws IOException {
    // the stand-in server reports the cores it may run on, then dies: its words end up in the error
    LlamaCppInstallation installation = installationWithPython("grep Cpus_allowed_list /proc/self/status >&2; exit 3");

    assertThatThrownBy(() -> LlamaCppServer.builder(installation).cores("0").logFile(dir.resolve("server.log"))
            .startupTimeout(Duration.ofSeconds(20)).start())
        .isInstanceOf(LlamaCppException.class)
        .hasMessageMatching("(?s).*Cpus_allowed_list:\\s+0\\b.*");
  }
}

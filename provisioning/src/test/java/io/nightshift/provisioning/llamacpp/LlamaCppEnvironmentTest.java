package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.process.ToolEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What llama.cpp's server, and the check that its environment imports, inherit: a stand-in "python" writes its
 * environment to a file. The build puts {@code NIGHTSHIFT_TEST_SECRET_API_KEY} into the test JVM's environment.
 */
class LlamaCppEnvironmentTest {
  private static final String SECRET = "NIGHTSHIFT_TEST_SECRET_API_KEY";
  /** Names a shell sets itself, whatever it inherited. */
  private static final Set<String> SHELL_OWN = Set.of("PWD", "SHLVL", "_");

  @TempDir Path dir;

  @BeforeAll
  static void theRuntimeHasASecret() {
    assertThat(System.getenv(SECRET)).as(SECRET + " is set for tests by the parent pom's Surefire").isNotNull();
  }

  @Test
  void shouldStartTheServerWithTheBaseEnvironmentAndUnbufferedOutputOnly() throws IOException {
    Path seen = dir.resolve("server-env.txt");
    Path python = python("env > '" + seen + "'\nexit 3");
    Path model = Files.write(dir.resolve("m.gguf"), "GGUF".getBytes(StandardCharsets.US_ASCII));
    LlamaCppInstallation installation =
        new LlamaCppInstallation(python, LlamaCppLauncher.writeInto(dir), model, "m", "test");

    assertThatThrownBy(() -> LlamaCppServer.builder(installation).logFile(dir.resolve("server.log"))
        .startupTimeout(Duration.ofSeconds(20)).start()).isInstanceOf(LlamaCppException.class);

    assertThat(Files.readAllLines(seen)).contains("PYTHONUNBUFFERED=1", "PATH=" + System.getenv("PATH"));
    assertThat(names(seen)).doesNotContain(SECRET)
        .allMatch(n -> ToolEnvironment.BASE.contains(n) || SHELL_OWN.contains(n) || n.equals("PYTHONUNBUFFERED"),
            "a base name, PYTHONUNBUFFERED or one the shell sets");
  }

  @Test
  void shouldCheckAnExistingEnvironmentWithoutTheRuntimesSecrets() throws IOException {
    Path seen = dir.resolve("check-env.txt");
    python("env > '" + seen + "'\nexit 0");
    LlamaCppProvisioner provisioner = LlamaCppProvisioner.builder(dir.resolve("data")).existingVenv(dir)
        .basePython("/nonexistent/python").build();
    Files.createDirectories(provisioner.modelFile().getParent());
    Files.write(provisioner.modelFile(), "GGUF....".getBytes(StandardCharsets.US_ASCII));

    provisioner.provision();

    assertThat(names(seen)).contains("PATH").doesNotContain(SECRET)
        .allMatch(n -> ToolEnvironment.BASE.contains(n) || SHELL_OWN.contains(n), "a base name or the shell's own");
  }

  /** A stand-in at DIR/bin/python (where an existing environment keeps its interpreter). */
  private Path python(String body) throws IOException {
    Path python = Files.createDirectories(dir.resolve("bin")).resolve("python");
    Files.writeString(python, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    return python;
  }

  private static List<String> names(Path envDump) throws IOException {
    return Files.readAllLines(envDump).stream().filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
        .map(l -> l.substring(0, l.indexOf('='))).toList();
  }
}

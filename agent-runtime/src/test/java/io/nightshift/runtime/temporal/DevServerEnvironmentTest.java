package io.nightshift.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.process.ToolEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Temporal dev server inherits. A stand-in binary writes its environment to a file and exits, so the start
 * fails (nothing answers) but the file shows what the real server would have seen. The build puts
 * {@code NIGHTSHIFT_TEST_SECRET_API_KEY} into the test JVM's environment, as an operator's shell holds a model key.
 */
class DevServerEnvironmentTest {
  private static final String SECRET = "NIGHTSHIFT_TEST_SECRET_API_KEY";

  @TempDir Path temp;

  @Test
  void shouldStartTheDevServerWithTheBaseEnvironmentOnlyAndNoneOfTheRuntimesSecrets() throws IOException {
    assertThat(System.getenv(SECRET)).as(SECRET + " is set for tests by the parent pom's Surefire").isNotNull();
    Path seen = temp.resolve("env.txt");
    Path binary = temp.resolve("temporal");
    Files.writeString(binary, "#!/bin/sh\nenv > '" + seen + "'\nexit 3\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> DevServerProcess.start(binary, temp.resolve("data"), freePort(), freePort(),
        List.of("default")))
        .isInstanceOf(IOException.class).hasMessageContaining("did not answer");

    List<String> names = Files.readAllLines(seen).stream().filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
        .map(l -> l.substring(0, l.indexOf('='))).toList();
    assertThat(names).doesNotContain(SECRET).contains("PATH");
    // the shell adds PWD (and may add SHLVL, _) itself; everything else came from the runtime
    assertThat(names).allMatch(n -> ToolEnvironment.BASE.contains(n) || List.of("PWD", "SHLVL", "_").contains(n),
        "a base name or one the shell sets");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

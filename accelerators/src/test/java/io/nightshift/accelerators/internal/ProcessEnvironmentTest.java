package io.nightshift.accelerators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hardware tools and model servers a pool starts inherit, seen by a real {@code env}. The build puts
 * {@code NIGHTSHIFT_TEST_SECRET_API_KEY} and {@code NIGHTSHIFT_TEST_PASSED_THROUGH} into the test JVM's environment
 * (the parent pom's Surefire configuration): the first stands for a model endpoint's key, the second for a name a
 * template passes through.
 */
class ProcessEnvironmentTest {
  private static final String SECRET = "NIGHTSHIFT_TEST_SECRET_API_KEY";
  private static final String PASSED = "NIGHTSHIFT_TEST_PASSED_THROUGH";

  @TempDir Path temp;

  @BeforeAll
  static void theRuntimeHasASecret() {
    assertThat(System.getenv(SECRET)).as(SECRET + " is set for tests by the parent pom's Surefire").isNotNull();
    assertThat(System.getenv(PASSED)).as(PASSED + " is set for tests by the parent pom's Surefire").isNotNull();
  }

  @Test
  void shouldRunAHardwareToolWithThePathButNotTheRuntimesSecrets() {
    String seen = CommandRunner.runForOutput(List.of("env"), Duration.ofSeconds(10), Reason.DISCOVERY_FAILED);

    assertThat(seen.lines().toList()).contains("PATH=" + System.getenv("PATH"));
    assertThat(seen).doesNotContain(SECRET).doesNotContain(PASSED);
  }

  @Test
  void shouldPassToAToolOnlyTheNamesItsCallerPasses() {
    CommandRunner.Result r = CommandRunner.run(List.of("env"), Set.of(PASSED), Duration.ofSeconds(10),
        Reason.PREPARE_FAILED);

    assertThat(r.stdout().lines().toList()).contains(PASSED + "=" + System.getenv(PASSED));
    assertThat(r.stdout()).doesNotContain(SECRET);
  }

  @Test
  void shouldStreamFromAMonitorThatDoesNotSeeTheRuntimesSecrets() {
    // one line: every name the monitor sees, space-separated
    String line = CommandRunner.firstLine(List.of("sh", "-c", "env | cut -d= -f1 | tr '\\n' ' '; echo; sleep 30"),
        Duration.ofSeconds(10), Reason.DISCOVERY_FAILED);

    assertThat(line.split(" ")).contains("PATH").doesNotContain(SECRET, PASSED);
  }

  @Test
  void shouldStartAModelServerWithTheLeaseAndWhatItsTemplatePassesOnly() throws IOException, InterruptedException {
    Path log = temp.resolve("server.log");

    ServerProcess server = ServerProcess.start(List.of("env"), Set.of(PASSED), Map.of("CUDA_VISIBLE_DEVICES", "2,3"),
        log);
    for (int i = 0; i < 100 && server.alive(); i++) {
      Thread.sleep(50);
    }

    assertThat(server.exitCode()).isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).contains("CUDA_VISIBLE_DEVICES=2,3", PASSED + "=" + System.getenv(PASSED),
        "PATH=" + System.getenv("PATH"));
    assertThat(lines).noneMatch(l -> l.startsWith(SECRET + "="));
  }
}

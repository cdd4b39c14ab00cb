package io.nightshift.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a provisioning step (venv, pip, a compiler) inherits, seen by a real {@code env}. The build puts
 * {@code NIGHTSHIFT_TEST_SECRET_API_KEY} into the test JVM's environment (the parent pom's Surefire configuration),
 * as an operator's shell holds a model endpoint's key.
 */
class ProcessRunnerEnvironmentTest {
  private static final String SECRET = "NIGHTSHIFT_TEST_SECRET_API_KEY";

  @TempDir Path temp;

  @BeforeAll
  static void theRuntimeHasASecret() {
    assertThat(System.getenv(SECRET)).as(SECRET + " is set for tests by the parent pom's Surefire").isNotNull();
  }

  @Test
  void shouldRunAProvisioningStepWithItsDeclaredValuesButNotTheRuntimesSecrets() throws IOException {
    Path log = temp.resolve("step.log");

    ProcessRunner.run(List.of("env"), Map.of("CMAKE_ARGS", "-DGGML_NATIVE=OFF"), log, Duration.ofSeconds(30));

    // the log's header line names the declared values too; env's own lines are NAME=value
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).contains("CMAKE_ARGS=-DGGML_NATIVE=OFF", "PATH=" + System.getenv("PATH"))
        .noneMatch(l -> l.contains(SECRET) || l.contains(System.getenv(SECRET)));
  }

  @Test
  void shouldPassProxiesPipsSettingsAndTheCompilersButNothingElseTheRuntimeHas() throws IOException {
    ProcessBuilder builder = new ProcessBuilder("env").redirectErrorStream(true);
    Map<String, String> inherited = builder.environment();
    inherited.putAll(Map.of("HTTPS_PROXY", "http://proxy:3128", "no_proxy", "localhost", "PIP_INDEX_URL",
        "https://mirror/simple", "PIP_CACHE_DIR", "/cache/pip", "CC", "gcc-13", "OPENAI_API_KEY", "sk-live",
        "NIGHTSHIFT_PAYLOAD_KEYS", "/etc/nightshift/keys", "CFLAGS", "-O3 -fno-plt", "PYTHONPATH", "/opt/other"));

    String seen = new String(ProcessRunner.confine(builder, Map.of("CMAKE_ARGS", "-DX=1")).start().getInputStream()
        .readAllBytes());

    assertThat(seen.lines().toList()).contains("HTTPS_PROXY=http://proxy:3128", "no_proxy=localhost",
        "PIP_INDEX_URL=https://mirror/simple", "PIP_CACHE_DIR=/cache/pip", "CC=gcc-13", "CMAKE_ARGS=-DX=1",
        "PATH=" + System.getenv("PATH"));
    assertThat(seen).doesNotContain("OPENAI_API_KEY", "NIGHTSHIFT_PAYLOAD_KEYS", "CFLAGS", "PYTHONPATH", SECRET);
  }
}

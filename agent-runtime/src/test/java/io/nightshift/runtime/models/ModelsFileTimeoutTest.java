package io.nightshift.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFileTimeoutTest {
  @TempDir Path dir;

  private Path file(String timeoutLine) throws Exception {
    Path f = dir.resolve("models.yaml");
    Files.writeString(f, "endpoints:\n  - id: chemist\n    base_url: http://127.0.0.1:8080/v1\n    model: smollm2\n"
        + timeoutLine);
    return f;
  }

  @Test
  void shouldReadAnEndpointsRequestTimeoutAndDefaultTo120Seconds() throws Exception {
    assertThat(ModelsFile.read(file("    request_timeout_seconds: 300\n")).get(0).requestTimeout())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(ModelsFile.read(file("")).get(0).requestTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void shouldRefuseANonPositiveTimeoutNamingTheEndpointsKeyAndLine() throws Exception {
    Path f = file("    request_timeout_seconds: 0\n");

    assertThatThrownBy(() -> ModelsFile.read(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoints[chemist].request_timeout_seconds (line 5): must be a whole number >= 1,"
            + " was '0'");
  }
}

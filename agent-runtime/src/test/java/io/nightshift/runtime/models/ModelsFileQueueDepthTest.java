package io.nightshift.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFileQueueDepthTest {
  @TempDir Path dir;

  private ModelEndpointConfig endpoint(String lines) throws Exception {
    return ModelsFile.read(file(lines)).get(0);
  }

  private Path file(String lines) throws Exception {
    Path f = dir.resolve("models.yaml");
    Files.writeString(f, "endpoints:\n  - id: chemist\n    base_url: http://127.0.0.1:8080/v1\n    model: smollm2\n"
        + lines);
    return f;
  }

  @Test
  void shouldKeepTheQueueDepthTheFileSetsBeyondTheSlots() throws Exception {
    ModelEndpointConfig config = endpoint("    max_concurrency: 4\n    queue_depth: 3\n");

    assertThat(config.queueDepth()).isEqualTo(3);
    assertThat(config.maxInFlight()).isEqualTo(7);
  }

  @Test
  void shouldDefaultToHalfTheSlotsAndAllowNoQueueAtAll() throws Exception {
    assertThat(endpoint("    max_concurrency: 8\n").queueDepth()).isEqualTo(4);
    assertThat(endpoint("").queueDepth()).isEqualTo(1);
    assertThat(endpoint("    max_concurrency: 4\n    queue_depth: 0\n").maxInFlight()).isEqualTo(4);
  }

  @Test
  void shouldRefuseANegativeQueueDepthNamingTheEndpointsKeyAndLine() throws Exception {
    Path f = file("    queue_depth: -1\n");

    assertThatThrownBy(() -> ModelsFile.read(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoints[chemist].queue_depth (line 5): must be a whole number >= 0, was '-1'");
  }
}

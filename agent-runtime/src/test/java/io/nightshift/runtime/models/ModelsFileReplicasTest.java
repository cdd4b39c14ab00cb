package io.nightshift.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFileReplicasTest {
  @TempDir Path dir;

  private Path file(String lines) throws Exception {
    Path f = dir.resolve("models.yaml");
    Files.writeString(f, "endpoints:\n  - id: llama\n    model: smollm2\n" + lines);
    return f;
  }

  @Test
  void shouldMakeOneEndpointPerReplicaWithTheEntrysSettingsEachAReplicaOfItsId() throws Exception {
    List<ModelEndpointConfig> endpoints = ModelsFile.read(file("    replicas: [http://127.0.0.1:8081/v1,"
        + " http://127.0.0.1:8082/v1]\n    max_concurrency: 1\n    queue_depth: 0\n    context_window: 2048\n"));

    assertThat(endpoints).extracting(ModelEndpointConfig::id).containsExactly("llama.1", "llama.2");
    assertThat(endpoints).extracting(c -> c.baseUrl().getPort()).containsExactly(8081, 8082);
    assertThat(endpoints).allSatisfy(c -> {
      assertThat(c.replicaOf()).hasValue("llama");
      assertThat(c.maxInFlight()).isEqualTo(1);
      assertThat(c.contextWindow()).hasValue(2048);
    });
  }

  @Test
  void shouldRefuseBothBaseUrlAndReplicasAndABadReplicaAddressNamingItsLine() throws Exception {
    Path both = file("    base_url: http://127.0.0.1:8080/v1\n    replicas: [http://127.0.0.1:8081/v1]\n");
    assertThatThrownBy(() -> ModelsFile.read(both)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoints[llama].replicas (line 5): give either base_url");

    Path bad = file("    replicas:\n      - http://127.0.0.1:8081/v1\n      - ftp://nowhere\n");
    assertThatThrownBy(() -> ModelsFile.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoints[llama].replicas[1] (line 6): baseUrl must be an http(s) URL");

    Path neither = file("");
    assertThatThrownBy(() -> ModelsFile.read(neither)).hasMessageContaining("endpoints[llama].base_url");
  }
}

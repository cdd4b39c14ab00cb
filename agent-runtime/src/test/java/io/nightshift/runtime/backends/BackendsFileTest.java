package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsFileTest {
  private static final String SRC = "/etc/nightshift/backends.yaml";

  @Test
  void shouldReadPoolsWithPropertiesAsStringsEndpointsSpeedAndModels() {
    List<PoolConfig> pools = BackendsFile.parse("""
        pools:
          - id: gpu-node
            type: nvidia
            speed: 4
            models: [llama-3.1-8b, qwen]
            properties:
              nvidia-smi: /usr/bin/nvidia-smi
              price-per-unit-hour: 6.15
              startup-timeout: PT20M
            endpoints:
              - {model: llama-3.1-8b, url: "http://127.0.0.1:8000"}
          - id: cpu
            type: cpu
            pickup_timeout_seconds: 5
            properties:
              cores: 2
              launch-command: [python3, -m, llama_cpp.server, --port, "{port}"]
        """, SRC);

    assertThat(pools).extracting(PoolConfig::id).containsExactly("gpu-node", "cpu");
    PoolConfig gpu = pools.get(0);
    assertThat(gpu.type()).isEqualTo("nvidia");
    assertThat(gpu.speed()).isEqualTo(4.0);
    assertThat(gpu.models()).containsExactly("llama-3.1-8b", "qwen");
    assertThat(gpu.settings().decimal("price-per-unit-hour", 0)).isEqualTo(6.15);
    assertThat(gpu.settings().string("nvidia-smi")).contains("/usr/bin/nvidia-smi");
    assertThat(gpu.endpoints()).containsExactly(new EndpointConfig("llama-3.1-8b", URI.create("http://127.0.0.1:8000")));
    assertThat(gpu.pickupTimeout()).isEqualTo(Duration.ofSeconds(30));
    PoolConfig cpu = pools.get(1);
    assertThat(cpu.speed()).isEqualTo(1.0);
    assertThat(cpu.pickupTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cpu.settings().words("launch-command", List.of()))
        .containsExactly("python3", "-m", "llama_cpp.server", "--port", "{port}");
  }

  @Test
  void shouldNameFilePoolKeyAndLineOfAnUnknownKey() {
    assertThatThrownBy(() -> BackendsFile.parse("""
        pools:
          - id: gpu
            type: nvidia
            prize: 3
        """, SRC))
        .isInstanceOf(BackendsConfigException.class)
        .hasMessageContaining("backends file " + SRC + ": pools[gpu].prize (line 4): unknown key")
        .hasMessageContaining("properties");
  }

  @Test
  void shouldRefuseANegativeOrNonNumericPriceNamingTheKey() {
    assertThatThrownBy(() -> BackendsFile.parse("""
        pools:
          - id: gpu
            type: nvidia
            properties: {price-per-unit-hour: -2}
          - id: trn
            type: trainium
            properties: {watts-per-unit: lots}
        """, SRC))
        .hasMessage("backends file " + SRC + ": 2 problems:\n"
            + "  pools[gpu].properties.price-per-unit-hour (line 4): must be a number >= 0, was '-2'\n"
            + "  pools[trn].properties.watts-per-unit (line 7): must be a number >= 0, was 'lots'");
  }

  @Test
  void shouldRefuseAPickupTimeoutOutsideOneSecondToADayNamingTheKey() {
    assertThatThrownBy(() -> BackendsFile.parse("""
        pools:
          - {id: a, type: cpu, pickup_timeout_seconds: 0}
          - {id: b, type: cpu, pickup_timeout_seconds: 86401}
          - {id: c, type: cpu, pickup_timeout_seconds: soon}
          - {id: d, type: cpu, pickup_timeout_seconds: 86400}
        """, SRC))
        .hasMessage("backends file " + SRC + ": 3 problems:\n"
            + "  pools[a].pickup_timeout_seconds (line 2): must be a whole number from 1 to 86400, was '0'\n"
            + "  pools[b].pickup_timeout_seconds (line 3): must be a whole number from 1 to 86400, was '86401'\n"
            + "  pools[c].pickup_timeout_seconds (line 4): must be a whole number from 1 to 86400, was 'soon'");
  }

  @Test
  void shouldRefuseDuplicateBadOrMissingIdsAndMissingType() {
    assertThatThrownBy(() -> BackendsFile.parse("""
        pools:
          - {id: a, type: cpu}
          - {id: a, type: simulated}
          - {id: "GPU pool", type: nvidia}
          - {type: cpu}
          - {id: b}
        """, SRC))
        .hasMessageContaining("pools[a].id (line 3): two pools have this id")
        .hasMessageContaining("pools[2].id (line 4): must match")
        .hasMessageContaining("pools[3].id (line 5): missing")
        .hasMessageContaining("pools[b].type (line 6): missing");
  }

  @Test
  void shouldRefuseAnEndpointWithoutAnHttpUrl() {
    assertThatThrownBy(() -> BackendsFile.parse("""
        pools:
          - id: gpu
            type: nvidia
            endpoints:
              - {model: m, url: "localhost:8000"}
        """, SRC))
        .hasMessageContaining("pools[gpu].endpoints[0].url (line 5): must be an http(s) URL");
  }

  @Test
  void shouldReadModelsAPoolServesOnLeasesAndNameBadServeKeys() {
    List<PoolConfig> pools = BackendsFile.parse("""
        pools:
          - id: cpu
            type: cpu
            serve:
              - {model: smollm2, source: /m/smollm2.gguf, units: 2, slots: 4, keep_warm_seconds: 0}
              - {model: tiny, source: /m/tiny.gguf}
        """, SRC);
    assertThat(pools.get(0).serving("smollm2")).contains(
        new ServeConfig("smollm2", "/m/smollm2.gguf", 2, 4, Duration.ZERO));
    assertThat(pools.get(0).serving("tiny")).contains(
        new ServeConfig("tiny", "/m/tiny.gguf", 1, 1, ServeConfig.DEFAULT_KEEP_WARM));

    assertThatThrownBy(() -> BackendsFile.parse("""
        pools:
          - id: cpu
            type: cpu
            serve:
              - {model: smollm2, units: 0}
              - {model: tiny, source: /m/t.gguf, slots: many}
        """, SRC))
        .hasMessageContaining("pools[cpu].serve[0].source (line 5): missing; what the launch template's {model}")
        .hasMessageContaining("pools[cpu].serve[0].units (line 5): must be a whole number >= 1, was '0'")
        .hasMessageContaining("pools[cpu].serve[1].slots (line 6): must be a whole number >= 1, was 'many'");
  }

  @Test
  void shouldRefuseInvalidYamlEmptyFileAndMissingPools() {
    assertThatThrownBy(() -> BackendsFile.parse("pools: [ {id: a", SRC))
        .hasMessageStartingWith("backends file " + SRC + " (line 1): YAML syntax error (column ");
    assertThatThrownBy(() -> BackendsFile.parse("", SRC)).hasMessageContaining("file is empty");
    assertThatThrownBy(() -> BackendsFile.parse("pool: []", SRC))
        .hasMessageContaining("pool (line 1): unknown key; allowed here: [pools]")
        .hasMessageContaining("pools (line 1): must be a non-empty list");
  }

  @Test
  void shouldNameTheFileItCannotRead(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> BackendsFile.read(missing))
        .isInstanceOf(BackendsConfigException.class)
        .hasMessageContaining("cannot read backends file " + missing)
        .hasMessageContaining("--backends");

    Path file = Files.writeString(dir.resolve("b.yaml"), "pools:\n  - {id: sim, type: simulated}\n");
    assertThat(BackendsFile.read(file)).extracting(PoolConfig::id).containsExactly("sim");
  }
}

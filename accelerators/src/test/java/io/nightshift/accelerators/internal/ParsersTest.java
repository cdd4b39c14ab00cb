package io.nightshift.accelerators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.accelerator.EndpointLoad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {
  @Test
  void shouldReadJsonAndNameWhereInvalidOrTrailingTextStarts() {
    JsonNode v = JsonText.read("{\"a\": [1, 2.5e1, true, null], \"s\": \"x\\\"y\\u0041\"}");

    assertThat(v.get("a").get(1).asDouble()).isEqualTo(25.0);
    assertThat(v.get("a").get(3).isNull()).isTrue();
    assertThat(v.get("s").asText()).isEqualTo("x\"yA");
    assertThatThrownBy(() -> JsonText.read("[1, 2")).hasMessageStartingWith("invalid JSON at offset 5 (line 1, column 6)");
    assertThatThrownBy(() -> JsonText.read("{} {}")).hasMessageStartingWith("invalid JSON at offset 3")
        .hasMessageContaining("Trailing token");
  }

  @Test
  void shouldSumVllmGaugesOverLabelSetsAndFallBackToTheOldKvCacheName() {
    PrometheusText current = PrometheusText.parse("""
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{model_name="a"} 2
        vllm:num_requests_running{model_name="b"} 1
        vllm:num_requests_waiting{model_name="a"} 0
        vllm:kv_cache_usage_perc{model_name="a"} 0.25
        garbage line without value
        """);
    PrometheusText old = PrometheusText.parse("vllm:gpu_cache_usage_perc{model_name=\"a\"} 0.75\n");

    assertThat(VllmLoad.from(current)).isEqualTo(new EndpointLoad(3, 0, 0.25));
    assertThat(VllmLoad.from(old)).isEqualTo(new EndpointLoad(0, 0, 0.75));
    assertThat(VllmLoad.from(PrometheusText.parse(""))).isEqualTo(EndpointLoad.unknown());
  }

  @Test
  void shouldRenderTemplatePlaceholdersAndAppendExtraArgs() {
    LaunchTemplate t = LaunchTemplate.vllm("vllm");

    assertThat(t.render(Map.of("model", "m", "tp", "4", "max-num-seqs", "16", "host", "0.0.0.0", "port", "8001"),
        List.of("--enforce-eager")))
        .containsExactly("vllm", "serve", "m", "--tensor-parallel-size", "4", "--max-num-seqs", "16", "--host",
            "0.0.0.0", "--port", "8001", "--enforce-eager");
  }
}

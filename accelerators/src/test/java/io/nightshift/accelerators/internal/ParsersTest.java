package io.nightshift.accelerators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.EndpointLoad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {
  @Test
  void shouldParseJsonValuesIncludingEscapesAndNull() {
    Object v = Json.parse("{\"a\": [1, 2.5e1, true, null], \"s\": \"x\\\"y\\u0041\"}");

    assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, 25.0, true, null), "s", "x\"yA"));
    assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("invalid JSON at offset 5");
    assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("unexpected text after");
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

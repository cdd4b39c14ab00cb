package io.nightshift.accelerators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.accelerators.Recorded;
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
  void shouldReadNimsUnprefixedGaugesFromARecordedNimMetricsPage() {
    // NIM for LLMs, meta/llama-3.1-8b-instruct, GET /v1/metrics (recorded/README.md says where it came from)
    PrometheusText nim = PrometheusText.parse(Recorded.text("nim-llama-3.1-8b-instruct.v1-metrics.txt"));

    assertThat(nim.samples("vllm:num_requests_running")).isEmpty();
    assertThat(VllmLoad.from(nim)).isEqualTo(new EndpointLoad(1, 0, 0.0002848191398461977));
  }

  @Test
  void shouldReadARecordedVllmMetricsPageThatStillHasTheOldKvCacheGauge() {
    // vLLM (V0 engine) serving facebook/opt-125m, GET /metrics: python_* and histogram lines around the gauges
    PrometheusText vllm = PrometheusText.parse(Recorded.text("vllm-opt-125m.metrics.txt"));

    assertThat(vllm.samples("vllm:num_requests_running")).singleElement()
        .satisfies(s -> assertThat(s.labels()).containsEntry("model_name", "facebook/opt-125m"));
    assertThat(vllm.samples("vllm:time_to_first_token_seconds_bucket")).hasSize(17);
    // idle when recorded: nothing running or waiting, KV cache at 0.0 (present, unlike unknown's -1)
    assertThat(VllmLoad.from(vllm)).isEqualTo(new EndpointLoad(0, 0, 0.0));
  }

  @Test
  void shouldPreferVllmsPrefixedGaugesWhenAServerPrintsBothSpellings() {
    PrometheusText both = PrometheusText.parse("""
        vllm:num_requests_running{model_name="m"} 2
        num_requests_running{model_name="m"} 7
        num_requests_waiting{model_name="m"} 4
        vllm:gpu_cache_usage_perc{model_name="m"} 0.5
        gpu_cache_usage_perc{model_name="m"} 0.9
        """);

    assertThat(VllmLoad.from(both)).isEqualTo(new EndpointLoad(2, 4, 0.5));
  }

  @Test
  void shouldMaskSecretValuesButKeepNamesAndOtherWordsOfACommandLine() {
    assertThat(Secrets.mask(List.of("docker", "run", "-e", "NGC_API_KEY", "-e", "HF_TOKEN=hf_abc", "-e",
        "NIM_SERVER_PORT=8000", "--api-key", "sk-1", "--hf-token=xyz", "--max-num-seqs", "64", "--port", "8000")))
        .containsExactly("docker", "run", "-e", "NGC_API_KEY", "-e", "HF_TOKEN=****", "-e", "NIM_SERVER_PORT=8000",
            "--api-key", "****", "--hf-token=****", "--max-num-seqs", "64", "--port", "8000");
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

package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.EndpointLoad;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * vLLM's load gauges, as vLLM names them ({@code vllm:num_requests_running}) and as NVIDIA NIM for LLMs serves them
 * on {@code /v1/metrics}, without the {@code vllm:} prefix ({@code num_requests_running},
 * {@code num_requests_waiting}, {@code gpu_cache_usage_perc}). The first spelling present wins.
 */
public final class VllmLoad {
  private VllmLoad() {}

  public static EndpointLoad from(PrometheusText metrics) {
    double running = first(metrics::sum, "vllm:num_requests_running", "num_requests_running").orElse(0);
    double waiting = first(metrics::sum, "vllm:num_requests_waiting", "num_requests_waiting").orElse(0);
    // vLLM renamed its KV-cache gauge from gpu_cache_usage_perc to kv_cache_usage_perc; NIM keeps the old name.
    double kv = first(metrics::max, "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "kv_cache_usage_perc",
        "gpu_cache_usage_perc").orElse(-1);
    return new EndpointLoad(running, waiting, kv);
  }

  private static OptionalDouble first(Function<String, OptionalDouble> read, String... names) {
    for (String name : names) {
      OptionalDouble v = read.apply(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }
}

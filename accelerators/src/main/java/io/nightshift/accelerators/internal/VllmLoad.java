package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.EndpointLoad;

/** vLLM's load gauges; NIM serves the same names on {@code /v1/metrics}. */
public final class VllmLoad {
  private VllmLoad() {}

  public static EndpointLoad from(PrometheusText metrics) {
    double running = metrics.sum("vllm:num_requests_running").orElse(0);
    double waiting = metrics.sum("vllm:num_requests_waiting").orElse(0);
    // Older vLLM releases called the KV-cache gauge gpu_cache_usage_perc.
    double kv = metrics.max("vllm:kv_cache_usage_perc")
        .orElse(metrics.max("vllm:gpu_cache_usage_perc").orElse(-1));
    return new EndpointLoad(running, waiting, kv);
  }
}

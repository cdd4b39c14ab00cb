package io.nightshift.core.accelerator;

/**
 * How busy a model endpoint is, from its own metrics (vLLM: {@code vllm:num_requests_running},
 * {@code vllm:num_requests_waiting}, {@code vllm:kv_cache_usage_perc}).
 *
 * @param running        requests being decoded now
 * @param waiting        requests queued
 * @param kvCacheUsage   fraction 0..1 of the KV cache in use; -1 when the server does not say
 */
public record EndpointLoad(double running, double waiting, double kvCacheUsage) {
  public EndpointLoad {
    if (running < 0 || waiting < 0) {
      throw new IllegalArgumentException("running and waiting must be >= 0, were " + running + ", " + waiting);
    }
  }

  public static EndpointLoad unknown() {
    return new EndpointLoad(0, 0, -1);
  }
}

package io.nightshift.runtime.backends;

import java.time.Duration;
import java.util.Objects;

/**
 * A model a pool can start a server for on a lease of its own units, when an agent step placed there needs it
 * (the backends file's {@code serve:} list).
 *
 * @param model     the model's name, as steps require it ({@code requires: {model: smollm2}})
 * @param source    what the launch template's {@code {model}} becomes: a GGUF path, a Hugging Face id
 * @param units     units the server's lease takes (its tensor-parallel degree on GPUs, threads on CPU)
 * @param slots     calls it serves at once (llama.cpp parallel slots, vLLM max-num-seqs): the endpoint's bulkhead
 * @param keepWarm  how long an idle server stays up for the next step before its lease is released
 */
public record ServeConfig(String model, String source, int units, int slots, Duration keepWarm) {
  public static final Duration DEFAULT_KEEP_WARM = Duration.ofMinutes(5);

  public ServeConfig {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(source, "source");
    keepWarm = keepWarm == null ? DEFAULT_KEEP_WARM : keepWarm;
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, was " + units);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1, was " + slots);
    }
    if (keepWarm.isNegative()) {
      throw new IllegalArgumentException("keep_warm must not be negative, was " + keepWarm);
    }
  }
}

package io.nightshift.core.accelerator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configured pool as the runtime read it from its configuration: the factory to use, the pool's id, and
 * flat string properties that the factory turns into its own typed, validated config. Getters name the pool
 * and the key in their errors, so a bad value is reported at start-up with where to fix it.
 *
 * @param type       factory id ({@code nvidia}, {@code trainium}, {@code cpu}, {@code simulated}, or a plug-in's)
 * @param id         pool id, unique in the deployment ({@code nvidia-a100}, {@code trn1-0})
 * @param properties e.g. {@code nvidia-smi=/usr/bin/nvidia-smi}, {@code price-per-unit-hour=4.10}
 */
public record BackendSettings(String type, String id, Map<String, String> properties) {
  public BackendSettings {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    properties = Map.copyOf(properties == null ? Map.of() : properties);
  }

  public Optional<String> string(String key) {
    return Optional.ofNullable(properties.get(key)).map(String::trim).filter(s -> !s.isEmpty());
  }

  public String string(String key, String fallback) {
    return string(key).orElse(fallback);
  }

  public int integer(String key, int fallback) {
    return parse(key, fallback, Integer::parseInt, "an integer");
  }

  public double decimal(String key, double fallback) {
    return parse(key, fallback, Double::parseDouble, "a number");
  }

  /** ISO-8601 ({@code PT40M}) or plain seconds. */
  public Duration duration(String key, Duration fallback) {
    return parse(key, fallback, v -> v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v),
        "a duration such as PT40M or 2400");
  }

  /** Whitespace-separated words; the way command templates are written in configuration. */
  public List<String> words(String key, List<String> fallback) {
    return string(key).map(v -> Arrays.asList(v.split("\\s+"))).orElse(fallback);
  }

  private <T> T parse(String key, T fallback, Function<String, T> parser, String what) {
    Optional<String> raw = string(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(raw.get());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new AcceleratorException(AcceleratorException.Reason.CONFIGURATION,
          "pool '" + id + "' key '" + key + "' must be " + what + ", was '" + raw.get() + "'", e);
    }
  }
}

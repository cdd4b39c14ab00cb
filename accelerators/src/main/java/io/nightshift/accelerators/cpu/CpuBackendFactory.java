package io.nightshift.accelerators.cpu;

import io.nightshift.accelerators.internal.Settings;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackendFactory;
import io.nightshift.core.accelerator.BackendSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Type {@code cpu}. Keys: {@code cores}, {@code price-per-unit-hour} (per core), {@code watts-per-unit},
 * {@code launch-command} (words with placeholders), {@code health-path}, {@code metrics-path},
 * {@code first-answer-path} (asked for one short chat completion before a server counts as started; "" for none),
 * {@code pin-with-taskset}, {@code host}, {@code log-directory}, {@code startup-timeout}.
 */
public final class CpuBackendFactory implements AcceleratorBackendFactory {
  @Override
  public String type() {
    return "cpu";
  }

  @Override
  public AcceleratorBackend create(BackendSettings s) {
    return Settings.configure(s, () -> {
      CpuConfig.Builder b = CpuConfig.custom().id(s.id())
          .cores(s.integer("cores", Runtime.getRuntime().availableProcessors()))
          .pricePerCoreHour(s.decimal("price-per-unit-hour", 0))
          .wattsPerCore(s.decimal("watts-per-unit", 10))
          .launchCommand(s.words("launch-command", CpuConfig.LLAMA_CPP_PYTHON))
          .healthPath(s.string("health-path", "/v1/models"))
          .metricsPath(s.string("metrics-path", ""))
          .firstAnswerPath(s.string("first-answer-path", "/v1/chat/completions"))
          .pinWithTaskset(Boolean.parseBoolean(s.string("pin-with-taskset", "false")))
          .host(s.string("host", "127.0.0.1"))
          .startupTimeout(s.duration("startup-timeout", Duration.ofMinutes(5)));
      s.string("log-directory").map(Path::of).ifPresent(b::logDirectory);
      return new CpuBackend(b.build());
    });
  }
}

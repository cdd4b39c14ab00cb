package io.nightshift.accelerators.trainium;

import io.nightshift.accelerators.internal.Settings;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackendFactory;
import io.nightshift.core.accelerator.BackendSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Type {@code trainium}. Keys: {@code neuron-ls}, {@code neuron-monitor}, {@code price-per-unit-hour} (per
 * NeuronCore), {@code watts-per-unit}, {@code vllm}, {@code host}, {@code log-directory}, {@code startup-timeout},
 * {@code compiling-startup-timeout}, {@code compiled-artifacts}, {@code compile-command}, {@code compile-timeout}.
 */
public final class TrainiumBackendFactory implements AcceleratorBackendFactory {
  @Override
  public String type() {
    return "trainium";
  }

  @Override
  public AcceleratorBackend create(BackendSettings s) {
    return Settings.configure(s, () -> {
      TrainiumConfig.Builder b = TrainiumConfig.custom().id(s.id())
          .neuronLs(s.string("neuron-ls", "neuron-ls"))
          .neuronMonitor(s.string("neuron-monitor", "neuron-monitor"))
          .pricePerCoreHour(s.decimal("price-per-unit-hour", 0))
          .wattsPerCore(s.decimal("watts-per-unit", 0))
          .vllmExecutable(s.string("vllm", "vllm"))
          .host(s.string("host", "127.0.0.1"))
          .startupTimeout(s.duration("startup-timeout", Duration.ofMinutes(10)))
          .compilingStartupTimeout(s.duration("compiling-startup-timeout", Duration.ofMinutes(45)))
          .compileTimeout(s.duration("compile-timeout", Duration.ofMinutes(60)))
          .compileCommand(s.words("compile-command", List.of()));
      s.string("log-directory").map(Path::of).ifPresent(b::logDirectory);
      s.string("compiled-artifacts").map(Path::of).ifPresent(b::compiledArtifacts);
      return new TrainiumBackend(b.build());
    });
  }
}

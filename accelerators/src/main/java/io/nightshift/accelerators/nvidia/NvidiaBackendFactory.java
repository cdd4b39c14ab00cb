package io.nightshift.accelerators.nvidia;

import io.nightshift.accelerators.internal.Settings;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackendFactory;
import io.nightshift.core.accelerator.BackendSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Type {@code nvidia}. Keys: {@code nvidia-smi}, {@code command-timeout}, {@code price-per-unit-hour},
 * {@code watts-per-unit}, {@code vllm}, {@code docker}, {@code nim-image}, {@code nim-cache} (host directory mounted
 * as NIM's model cache, {@code ~/} allowed), {@code nim-user} (docker -u; this worker's uid by default),
 * {@code default-template},
 * {@code host}, {@code log-directory}, {@code startup-timeout}, {@code dcgm-exporter-url}.
 */
public final class NvidiaBackendFactory implements AcceleratorBackendFactory {
  @Override
  public String type() {
    return "nvidia";
  }

  @Override
  public AcceleratorBackend create(BackendSettings s) {
    return Settings.configure(s, () -> {
      NvidiaConfig.Builder b = NvidiaConfig.custom().id(s.id())
          .nvidiaSmi(s.string("nvidia-smi", "nvidia-smi"))
          .commandTimeout(s.duration("command-timeout", Duration.ofSeconds(15)))
          .pricePerGpuHour(s.decimal("price-per-unit-hour", 0))
          .wattsPerGpu(s.decimal("watts-per-unit", 700))
          .vllmExecutable(s.string("vllm", "vllm"))
          .docker(s.string("docker", "docker"))
          .defaultTemplate(s.string("default-template", "vllm"))
          .host(s.string("host", "127.0.0.1"))
          .startupTimeout(s.duration("startup-timeout", Duration.ofMinutes(15)));
      s.string("nim-image").ifPresent(b::nimImage);
      s.string("nim-cache").map(NvidiaBackendFactory::homePath).ifPresent(b::nimCache);
      s.string("nim-user").ifPresent(b::nimUser);
      s.string("log-directory").map(Path::of).ifPresent(b::logDirectory);
      s.string("dcgm-exporter-url").map(URI::create).ifPresent(b::dcgmExporter);
      return new NvidiaBackend(b.build());
    });
  }

  private static Path homePath(String value) {
    return value.startsWith("~/") ? Path.of(System.getProperty("user.home"), value.substring(2)) : Path.of(value);
  }
}

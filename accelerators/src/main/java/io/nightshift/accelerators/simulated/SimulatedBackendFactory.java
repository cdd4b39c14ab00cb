package io.nightshift.accelerators.simulated;

import io.nightshift.accelerators.internal.Settings;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackendFactory;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSettings;
import java.time.Duration;

/**
 * Type {@code simulated}. Keys: {@code kind} (NVIDIA_GPU, NEURON_CORE, CPU), {@code devices}, {@code device-name},
 * {@code memory-gib-per-device}, {@code throughput-per-unit}, {@code latency}, {@code scaling-efficiency},
 * {@code price-per-unit-hour}, {@code watts-per-unit}, {@code idle-watts-per-unit}, {@code time-scale} (simulated seconds per real second, default 1).
 */
public final class SimulatedBackendFactory implements AcceleratorBackendFactory {
  @Override
  public String type() {
    return "simulated";
  }

  @Override
  public AcceleratorBackend create(BackendSettings s) {
    return Settings.configure(s, () -> new SimulatedBackend(SimulatedConfig.custom().id(s.id())
        .kind(AcceleratorKind.valueOf(s.string("kind", "NVIDIA_GPU")))
        .devices(s.integer("devices", 8))
        .deviceName(s.string("device-name", "H100-class GPU"))
        .memoryBytesPerDevice((long) (s.decimal("memory-gib-per-device", 80) * (1L << 30)))
        .throughputPerUnit(s.decimal("throughput-per-unit", 1))
        .latency(s.duration("latency", Duration.ZERO))
        .scalingEfficiency(s.decimal("scaling-efficiency", 0.9))
        .pricePerUnitHour(s.decimal("price-per-unit-hour", 0))
        .wattsPerUnit(s.decimal("watts-per-unit", 700))
        .idleWattsPerUnit(s.decimal("idle-watts-per-unit", 70))
        .timeScale(s.decimal("time-scale", 1))
        .build()));
  }
}

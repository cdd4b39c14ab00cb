package io.nightshift.accelerators.nvidia;

import io.nightshift.accelerators.internal.PrometheusText;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Telemetry from a DCGM exporter's Prometheus text: {@code DCGM_FI_DEV_GPU_UTIL} (%), {@code DCGM_FI_DEV_FB_USED}
 * (MiB), {@code DCGM_FI_DEV_POWER_USAGE} (W), {@code DCGM_FI_DEV_GPU_TEMP} (C). Samples carry {@code gpu} (index)
 * and {@code UUID} labels; a device is matched by UUID first, then by index.
 */
final class DcgmTelemetry {
  private DcgmTelemetry() {}

  static List<Telemetry> from(PrometheusText metrics, List<Device> devices, Instant at) {
    List<Telemetry> out = new ArrayList<>();
    for (Device d : devices) {
      OptionalDouble util = value(metrics, "DCGM_FI_DEV_GPU_UTIL", d);
      OptionalDouble fb = value(metrics, "DCGM_FI_DEV_FB_USED", d);
      OptionalDouble power = value(metrics, "DCGM_FI_DEV_POWER_USAGE", d);
      OptionalDouble temp = value(metrics, "DCGM_FI_DEV_GPU_TEMP", d);
      if (util.isPresent() || fb.isPresent() || power.isPresent()) {
        out.add(new Telemetry(d.id(), util,
            fb.isPresent() ? OptionalLong.of((long) fb.getAsDouble() * 1024 * 1024) : OptionalLong.empty(),
            power, temp, at));
      }
    }
    return out;
  }

  private static OptionalDouble value(PrometheusText metrics, String name, Device d) {
    for (PrometheusText.Sample s : metrics.samples(name)) {
      if (d.id().equals(s.labels().get("UUID")) || String.valueOf(d.index()).equals(s.labels().get("gpu"))) {
        return OptionalDouble.of(s.value());
      }
    }
    return OptionalDouble.empty();
  }
}

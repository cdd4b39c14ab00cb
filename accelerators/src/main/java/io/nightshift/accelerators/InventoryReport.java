package io.nightshift.accelerators;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.BackendSettings;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Telemetry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what one pool type sees on this machine: devices, telemetry and health. For checking discovery against
 * real hardware by hand: {@code InventoryReport nvidia [key=value ...]} (keys as in the factory's settings).
 */
public final class InventoryReport {
  private InventoryReport() {}

  public static void main(String[] args) {
    String type = args.length > 0 ? args[0] : "nvidia";
    Map<String, String> props = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      props.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    List<AcceleratorBackend> pools = AcceleratorBackends.load(InventoryReport.class.getClassLoader())
        .create(List.of(new BackendSettings(type, type, props)));
    try (AcceleratorBackend pool = pools.get(0)) {
      BackendSnapshot s = pool.snapshot();
      System.out.printf("pool %s (%s): %s - %s%n", s.backendId(), s.kind(), s.health().state(), s.health().detail());
      for (Device d : s.devices()) {
        System.out.printf("  device %-4d %-44s %-28s %8d MiB  group %s%s%n", d.index(), d.id(), d.name(),
            d.memoryBytes() >> 20, d.group(), d.simulated() ? "  [SIMULATED]" : "");
      }
      for (Telemetry t : s.telemetry()) {
        System.out.printf("  telemetry %-44s util %s%%  mem used %s MiB  power %s W  temp %s C%n", t.deviceId(),
            t.utilizationPercent().isPresent() ? t.utilizationPercent().getAsDouble() : "-",
            t.memoryUsedBytes().isPresent() ? t.memoryUsedBytes().getAsLong() >> 20 : "-",
            t.powerWatts().isPresent() ? t.powerWatts().getAsDouble() : "-",
            t.temperatureCelsius().isPresent() ? t.temperatureCelsius().getAsDouble() : "-");
      }
    }
  }
}

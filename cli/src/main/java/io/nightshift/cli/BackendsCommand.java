package io.nightshift.cli;

import com.google.protobuf.util.JsonFormat;
import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.Device;
import io.nightshift.api.v1.DeviceTelemetry;
import io.nightshift.api.v1.Health;
import io.nightshift.api.v1.ListBackendsResponse;
import io.nightshift.api.v1.ModelEndpoint;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backends", mixinStandardHelpOptions = true,
    description = "List the accelerator pools: health, price, devices with telemetry, leases and model endpoints.")
final class BackendsCommand extends ClientCommand {
  @Option(names = "--json", description = "print the pools as one JSON object")
  boolean json;

  @Override
  int run(NightshiftClient client, PrintWriter out) throws Exception {
    ListBackendsResponse r = client.backends();
    if (json) {
      out.println(JsonFormat.printer().omittingInsignificantWhitespace().print(r));
      return 0;
    }
    out.printf("%-16s %-11s %-9s %6s %5s %-16s %s%n", "POOL", "KIND", "HEALTH", "UNITS", "FREE", "PRICE/UNIT-H",
        "DETAIL");
    for (Backend b : r.getBackendsList()) {
      out.printf(Locale.ROOT, "%-16s %-11s %-9s %6d %5d %-16s %s%s%n", b.getId(), kind(b), health(b.getHealth()),
          b.getTotalUnits(), b.getFreeUnits(), String.format(Locale.ROOT, "%.2f %s", b.getPrice().getPerUnitHour(),
              b.getPrice().getCurrency()), b.getCircuitOpen() ? "CIRCUIT OPEN: " + b.getCircuitDetail()
              : b.getHealth().getDetail(), b.getSimulated() ? "  [SIMULATED]" : "");
    }
    for (Backend b : r.getBackendsList()) {
      if (b.getDevicesCount() == 0 && b.getEndpointsCount() == 0) {
        continue;
      }
      out.println();
      out.printf("%s (%s, queue %s)%n", b.getId(), b.getType(), b.getTaskQueue());
      for (Device d : b.getDevicesList()) {
        out.printf(Locale.ROOT, "  %-3d %-28s %8d MiB %-6s %s%n", d.getIndex(), d.getName(), d.getMemoryBytes() >> 20,
            d.getLeased() ? "leased" : "free", telemetry(d));
      }
      b.getLeasesList().forEach(l -> out.printf("  lease %s owner %s devices %s%n", l.getId(), l.getOwner(),
          String.join(",", l.getDeviceIdsList())));
      for (ModelEndpoint e : b.getEndpointsList()) {
        out.printf(Locale.ROOT, "  endpoint %-24s %-32s %-9s %s%n", e.getModel(), e.getBaseUrl(),
            health(e.getHealth()), e.hasLoad() ? String.format(Locale.ROOT, "running %.0f waiting %.0f%s",
                e.getLoad().getRequestsRunning(), e.getLoad().getRequestsWaiting(), e.getLoad().hasKvCacheUsage()
                    ? String.format(Locale.ROOT, " kv-cache %.0f%%", 100 * e.getLoad().getKvCacheUsage()) : "")
                : e.getHealth().getDetail());
        e.getGuardsList().forEach(g -> out.printf(Locale.ROOT,
            "    calls via %-20s circuit %-9s failures %s  slots %d/%d free  rate permits %d%n",
            g.getModelEndpointId(), g.getCircuitState().name().replace("CIRCUIT_STATE_", ""),
            g.getFailureRatePercent() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%% of %d",
                g.getFailureRatePercent(), g.getBufferedCalls()),
            g.getAvailableConcurrentCalls(), g.getMaxConcurrentCalls(), g.getAvailableRatePermits()));
      }
      if (b.getCircuitOpen()) {
        out.println("  CIRCUIT OPEN: " + b.getCircuitDetail());
      }
    }
    return 0;
  }

  private static String kind(Backend b) {
    return b.getKind().name().replace("ACCELERATOR_KIND_", "");
  }

  private static String health(Health h) {
    return h.getState().name().replace("HEALTH_STATE_", "");
  }

  private static String telemetry(Device d) {
    if (!d.hasTelemetry()) {
      return "";
    }
    DeviceTelemetry t = d.getTelemetry();
    StringBuilder sb = new StringBuilder();
    if (t.hasUtilizationPercent()) {
      sb.append(String.format(Locale.ROOT, "util %.0f%%  ", t.getUtilizationPercent()));
    }
    if (t.hasMemoryUsedBytes()) {
      sb.append("mem used ").append(t.getMemoryUsedBytes() >> 20).append(" MiB  ");
    }
    if (t.hasPowerWatts()) {
      sb.append(String.format(Locale.ROOT, "%.0f W  ", t.getPowerWatts()));
    }
    if (t.hasTemperatureCelsius()) {
      sb.append(String.format(Locale.ROOT, "%.0f C", t.getTemperatureCelsius()));
    }
    return sb.toString().strip();
  }
}

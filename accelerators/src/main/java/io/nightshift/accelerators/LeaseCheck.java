package io.nightshift.accelerators;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.accelerators.internal.JsonText;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.Telemetry;
import io.nightshift.core.process.PassThrough;
import io.nightshift.core.process.ToolEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks one pool type on real hardware end to end, as a placed step meets it: discovery through the real tool on the
 * PATH ({@link HostDiscovery}), a lease, a workload process started with the base environment and the lease's
 * ({@code CUDA_VISIBLE_DEVICES}), as a tool's program is, and the pool's telemetry read while it runs. The workload prints one JSON line at
 * the end ({@code engine}, {@code uuids} it saw, {@code seconds}, and its own figures such as {@code tflops}); the
 * check prints one line of figures on stdout and exits 0 only when the workload succeeded, saw exactly the leased
 * devices, and telemetry was read while it ran. {@code bench/gpu-check.sh} runs it; usage:
 * {@code LeaseCheck TYPE UNITS COMMAND...}.
 */
public final class LeaseCheck {
  private static final long SAMPLE_MILLIS = 1000;

  private LeaseCheck() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: LeaseCheck TYPE UNITS COMMAND... (nvidia 1 python3 bench/gpu-check/cuda_work.py)");
      System.exit(2);
    }
    System.exit(run(args[0], Integer.parseInt(args[1]), Arrays.asList(args).subList(2, args.length),
        System.getenv("PATH"), System.out));
  }

  static int run(String type, int units, List<String> command, String searchPath, PrintStream out) {
    long t0 = System.nanoTime();
    AcceleratorBackends factories = AcceleratorBackends.load(LeaseCheck.class.getClassLoader());
    HostDiscovery.Result found = HostDiscovery.onPath(searchPath, factories);
    HostDiscovery.Found pool = found.pools().stream().filter(p -> p.settings().type().equals(type)).findFirst()
        .orElse(null);
    if (pool == null) {
      out.println("lease-check FAILED: no " + type + " pool on this machine"
          + found.skipped().stream().map(s -> "; " + s.line()).reduce("", String::concat));
      return 1;
    }
    try (AcceleratorBackend backend = factories.factory(type).create(pool.settings())) {
      Lease lease = backend.allocate(LeaseRequest.of("lease-check", units));
      Peaks peaks = new Peaks(lease.devices().stream().map(Device::id).toList());
      Process process = start(command, lease);
      CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process));
      while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
        peaks.add(backend.snapshot().telemetry());
      }
      int exit = process.exitValue();
      String printed = stdout.get(10, TimeUnit.SECONDS);
      backend.release(lease);
      return report(out, pool, lease, exit, lastLine(printed), peaks, (System.nanoTime() - t0) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("lease-check FAILED: interrupted");
      return 1;
    } catch (Exception e) {
      out.println("lease-check FAILED: " + e.getMessage());
      return 1;
    }
  }

  /** The workload, as a tool's program on the lease: the base environment and the lease's variables only. */
  static Process start(List<String> command, Lease lease) throws IOException {
    return ToolEnvironment.confine(new ProcessBuilder(command), PassThrough.NONE, lease.environment())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static int report(PrintStream out, HostDiscovery.Found pool, Lease lease, int exit, String json, Peaks peaks,
      double wall) {
    String pinned = String.join(" ", lease.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).toList());
    List<String> problems = new ArrayList<>();
    String work = "no JSON line from the workload";
    boolean sawLease = false;
    if (exit != 0) {
      problems.add("the workload exited with " + exit);
    }
    if (!json.isEmpty()) {
      try {
        JsonNode w = JsonText.read(json);
        Set<String> seen = new HashSet<>();
        w.path("uuids").forEach(u -> seen.add(u.asText()));
        sawLease = seen.equals(new HashSet<>(peaks.deviceIds));
        work = w.path("engine").asText("?") + " " + w.path("work").asText("") + ": "
            + (w.has("tflops") ? String.format(Locale.ROOT, "%.1f TFLOP/s", w.get("tflops").asDouble())
                : String.format(Locale.ROOT, "%.1f GB/s", w.path("gbps").asDouble()))
            + String.format(Locale.ROOT, " over %.1f s", w.path("seconds").asDouble())
            + "; it saw " + seen + (sawLease ? " = the lease" : ", NOT the lease " + peaks.deviceIds);
      } catch (IllegalArgumentException e) {
        work = "unreadable workload line '" + json + "'";
      }
    }
    if (!sawLease) {
      problems.add("the workload did not see exactly the leased devices");
    }
    if (peaks.samples == 0) {
      problems.add("no telemetry was read while it ran");
    }
    out.printf(Locale.ROOT, "lease-check %s: %s; %d unit(s) leased (%s); %s; telemetry %d samples: util peak %s %%, "
            + "memory peak %s MiB, power peak %s W; %.1f s wall%s%n", problems.isEmpty() ? "OK" : "FAILED",
        pool.line(), lease.units(), pinned, work, peaks.samples,
        peaks.util < 0 ? "-" : String.format(Locale.ROOT, "%.0f", peaks.util),
        peaks.memory < 0 ? "-" : String.valueOf(peaks.memory >> 20),
        peaks.power < 0 ? "-" : String.format(Locale.ROOT, "%.1f", peaks.power), wall,
        problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")");
    return problems.isEmpty() ? 0 : 1;
  }

  private static String read(Process process) {
    try (var in = process.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }

  /** Highest readings of the leased devices over the samples taken while the workload ran (-1: never read). */
  private static final class Peaks {
    private final List<String> deviceIds;
    private int samples;
    private double util = -1;
    private long memory = -1;
    private double power = -1;

    Peaks(List<String> deviceIds) {
      this.deviceIds = deviceIds;
    }

    void add(List<Telemetry> telemetry) {
      List<Telemetry> leased = telemetry.stream().filter(t -> deviceIds.contains(t.deviceId())).toList();
      if (leased.isEmpty()) {
        return;
      }
      samples++;
      for (Telemetry t : leased) {
        t.utilizationPercent().ifPresent(v -> util = Math.max(util, v));
        t.memoryUsedBytes().ifPresent(v -> memory = Math.max(memory, v));
        t.powerWatts().ifPresent(v -> power = Math.max(power, v));
      }
    }
  }
}

package io.nightshift.bench.agents;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by this JVM (the worker, the client, the scripted endpoint) and by the Temporal dev server
 * process, so a run can say how much CPU each agent cost and whether the machine had that much to give.
 */
final class CpuClock {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
  private final long temporalPid;

  CpuClock(long temporalPid) {
    this.temporalPid = temporalPid;
  }

  /** @return {jvm seconds, dev server seconds} */
  double[] now() {
    double jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    return new double[] {jvm, processSeconds(temporalPid)};
  }

  private static double processSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14-17 of stat (utime, stime, cutime, cstime) are 12-15 after the command name
      return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
          / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}

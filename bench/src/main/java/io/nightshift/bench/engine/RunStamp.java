package io.nightshift.bench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * What a benchmark's output must say about the conditions it ran in, so a figure can be judged later: the date,
 * the machine's load (a shared 2-core machine swings both arms by a third), the cores and Java, and the revision.
 */
public final class RunStamp {
  private RunStamp() {}

  /** The 1-minute load average from /proc/loadavg, or "unknown" off Linux. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** "2026-12-06T01:40:00Z, load average 1.24, 2 cores, Java 17.0.15, git 9c24a3bc" */
  public static String header() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load average " + loadAverage() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + ", git " + gitRevision();
  }

  /** The working tree's revision ("+dirty" when it has changes), or "unknown" outside a git checkout. */
  public static String gitRevision() {
    String head = git("rev-parse", "--short=8", "HEAD");
    if (head.isEmpty()) {
      return "unknown";
    }
    return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
  }

  private static String git(String... args) {
    try {
      String[] command = new String[args.length + 1];
      command[0] = "git";
      System.arraycopy(args, 0, command, 1, args.length);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "";
      }
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}

package io.nightshift.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A worker JVM's used heap, read with {@code jcmd <pid> GC.heap_info} from outside the process. */
public final class HeapSample {
  // G1: " garbage-first heap   total 262144K, used 53718K [0x..." (the first "used" is the whole heap's)
  private static final Pattern USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private HeapSample() {}

  /** Used heap in KiB from the command's output, empty when it does not say (the process was gone). */
  public static OptionalLong usedKib(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** Runs jcmd (the one beside this JVM) against {@code pid}; empty when the process is gone or jcmd fails. */
  static OptionalLong readKib(long pid) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return OptionalLong.empty();
      }
      return usedKib(out);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }
}

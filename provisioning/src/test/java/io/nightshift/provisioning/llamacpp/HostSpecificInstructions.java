package io.nightshift.provisioning.llamacpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds instructions above the portable x86-64-v3 baseline in a compiled library, by disassembling it with
 * binutils' objdump: AVX-512 (zmm and mask registers, EVEX-only mnemonics), VNNI dot products, and AMX tiles
 * ({@code ldtilecfg} is where the native build faulted on an AMX virtual machine).
 */
final class HostSpecificInstructions {
  static final Pattern ABOVE_BASELINE = Pattern.compile(
      "%zmm|%tmm|\\{%k[0-7]\\}|\\bkmov[bwdq]\\b|\\bvpternlog|\\bldtilecfg\\b|\\bsttilecfg\\b|\\btileloadd|"
          + "\\btilestored\\b|\\btilezero\\b|\\btilerelease\\b|\\btdpb|\\bvpdpbusd|\\bvpdpwssd|\\bvdpbf16ps\\b");

  private HostSpecificInstructions() {}

  /** The offending disassembly lines (at most {@code limit}); empty when the library keeps to the baseline. */
  static List<String> findIn(Path library, int limit) throws IOException, InterruptedException {
    Process objdump = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", library.toString())
        .redirectErrorStream(true).start();
    List<String> found;
    try (var lines = objdump.inputReader(StandardCharsets.UTF_8).lines()) {
      found = lines.filter(l -> ABOVE_BASELINE.matcher(l).find()).limit(limit).toList();
    }
    objdump.destroy();
    if (!objdump.waitFor(1, TimeUnit.MINUTES)) {
      throw new IOException("objdump did not finish on " + library);
    }
    return found;
  }
}

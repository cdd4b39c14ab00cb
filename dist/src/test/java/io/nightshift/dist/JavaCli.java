package io.nightshift.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs {@code nightshift ARGS} in a fresh JVM on this test's class path. */
final class JavaCli {
  private JavaCli() {}

  static List<String> command(List<String> cliArgs) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.nightshift.runtime.cli.NightshiftCli"));
    cmd.addAll(cliArgs);
    return cmd;
  }
}

package io.nightshift.dist;

import io.nightshift.cli.NightshiftCli;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line that runs {@code nightshift ARGS} in a fresh JVM on this test's class path. */
final class JavaCli {
  private JavaCli() {}

  static List<String> command(List<String> cliArgs) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), NightshiftCli.class.getName()));
    cmd.addAll(cliArgs);
    return cmd;
  }

  /** What a client command printed (stdout and stderr) and its exit code, run against {@code runtime}'s API. */
  record Run(int exitCode, String output) {}

  static Run run(RuntimeProcess runtime, String... args) throws Exception {
    List<String> cliArgs = new ArrayList<>(List.of(args));
    // --data-dir: whose admin token the CLI sends, as it does on the runtime's machine
    cliArgs.addAll(List.of("--api", "127.0.0.1:" + runtime.apiPort, "--data-dir", runtime.dataDir.toString()));
    Process p = new ProcessBuilder(command(cliArgs)).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("nightshift " + args[0] + " did not end within 60 s");
    }
    return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }
}

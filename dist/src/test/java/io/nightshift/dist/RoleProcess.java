package io.nightshift.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One {@code nightshift <role>} process (temporal, worker, api) with its own log, as production runs them. */
final class RoleProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private RoleProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static RoleProcess start(Path log, List<String> cliArgs) throws IOException {
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(JavaCli.command(cliArgs)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new RoleProcess(p, log);
  }

  /** A role's command line: the role and its own arguments, then those every process of the test shares. */
  static List<String> args(List<String> shared, String... roleArgs) {
    List<String> out = new ArrayList<>(List.of(roleArgs));
    out.addAll(shared);
    return out;
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, in-flight activities are abandoned mid-way. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }
}

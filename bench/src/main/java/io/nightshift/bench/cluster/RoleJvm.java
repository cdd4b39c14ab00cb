package io.nightshift.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code nightshift <role>} process (temporal, worker, api) in its own JVM, on this benchmark's class path so a
 * worker finds {@code simulated.work} through its tool provider, with its output in its own log file.
 */
final class RoleJvm implements AutoCloseable {
  private static final String CLI_MAIN = "io.nightshift.cli.NightshiftCli";
  private final String name;
  private final Process process;
  private final Path log;

  private RoleJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** @param cliArgs the role and its arguments, as after {@code nightshift} */
  static RoleJvm start(String name, Path logs, String heap, List<String> cliArgs) throws IOException {
    Path log = Files.createDirectories(logs).resolve(name + ".out");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), CLI_MAIN));
    cmd.addAll(cliArgs);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new RoleJvm(name, p, log);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Waits until the log shows {@code line}, or fails with the log's tail if the process dies or time runs out. */
  void awaitLog(String line, long timeoutMillis) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!log().contains(line)) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        String text = log();
        throw new IllegalStateException(name + (process.isAlive() ? " did not log '" + line + "' in time"
            : " exited " + process.exitValue()) + "; its log ends:\n" + text.substring(Math.max(0, text.length()
            - 3000)));
      }
      Thread.sleep(100);
    }
  }

  /** SIGKILL: no shutdown hook runs; its activities in flight are abandoned mid-way. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGKILL of the process and of every process it started, e.g. the {@code temporal} role's dev server binary:
   * killing the JVM alone leaves that child running (reparented), still serving on its port. The children are
   * listed before the kill, since after it they are no longer this process's descendants.
   */
  void kill9WithChildren() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle c : children) {
      try {
        c.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("process " + c.pid() + " under " + name + " outlived SIGKILL", e);
      }
    }
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

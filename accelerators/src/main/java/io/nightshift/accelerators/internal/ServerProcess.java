package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.process.ToolEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A model server process Nightshift started: launched with the lease's environment (and otherwise only what its
 * template passes, see {@link ToolEnvironment}), its output in a log file, and
 * usable only once its health URL answers 200. If it exits or stays unhealthy past the timeout it is killed and the
 * start fails with the tail of its log, so the operator sees why.
 */
public final class ServerProcess {
  private final Process process;
  private final Path log;
  private final List<String> command;

  private ServerProcess(Process process, Path log, List<String> command) {
    this.process = process;
    this.log = log;
    this.command = command;
  }

  /**
   * @param passThrough names taken from the runtime's environment as they are (the template's), beside the base
   * @param environment values set for the server: the lease's variables, the backend's, the spec's
   */
  public static ServerProcess start(List<String> command, Set<String> passThrough, Map<String, String> environment,
      Path logFile) {
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder pb = ToolEnvironment.confine(new ProcessBuilder(command), passThrough, environment)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      return new ServerProcess(pb.start(), logFile, command);
    } catch (IOException e) {
      throw new AcceleratorException(Reason.LAUNCH_FAILED, "cannot start '" + Secrets.shown(command) + "': "
          + e.getMessage(), e);
    }
  }

  /** Polls until the health URL answers 200; kills the process and throws when it dies or time runs out. */
  public void awaitHealthy(URI health, Duration timeout, Duration pollInterval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AcceleratorException(Reason.LAUNCH_FAILED, "'" + Secrets.shown(command) + "' exited with "
            + process.exitValue() + " before it was healthy; log " + log + ": " + logTail());
      }
      HttpProbe.Response r = HttpProbe.get(health, Duration.ofSeconds(2));
      if (r.ok()) {
        return;
      }
      last = r.status() > 0 ? "HTTP " + r.status() : r.error();
      sleep(pollInterval);
    }
    stop(Duration.ofSeconds(5));
    throw new AcceleratorException(Reason.LAUNCH_FAILED, "'" + command.get(0) + "' was not healthy at " + health
        + " within " + timeout.toSeconds() + " s (last: " + last + "); killed it. Log " + log + ": " + logTail());
  }

  /**
   * Asks for one two-token chat completion (no model name: a single-model server answers with its model); kills the
   * process and throws when it fails or the server dies of it, with the log's tail.
   */
  public void awaitFirstAnswer(URI chat, Duration timeout) {
    HttpProbe.Response r = HttpProbe.post(chat, "{\"messages\": [{\"role\": \"user\", \"content\": \"Say OK.\"}],"
        + " \"max_tokens\": 2, \"temperature\": 0}", timeout);
    if (r.ok() && r.body().contains("\"choices\"")) {
      return;
    }
    String what = r.status() > 0 ? "answered HTTP " + r.status() : "failed (" + r.error() + ")";
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        int code = process.exitValue();
        what = "died (exit code " + code + (code > 128 ? ", killed by signal " + (code - 128) : "") + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop(Duration.ofSeconds(5));
    throw new AcceleratorException(Reason.LAUNCH_FAILED, "'" + command.get(0) + "' was healthy, but its first chat"
        + " completion at " + chat + " " + what + "; a build for another CPU fails exactly here. Log " + log + ": "
        + logTail());
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  public Path log() {
    return log;
  }

  /** Asks politely (SIGTERM, which vLLM handles by draining), then forces, including child processes. */
  public void stop(Duration grace) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AcceleratorException(Reason.LAUNCH_FAILED, "interrupted while waiting for the server", e);
    }
  }
}

package io.nightshift.provisioning.internal;

import io.nightshift.core.process.PassThrough;
import io.nightshift.core.process.ToolEnvironment;
import io.nightshift.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one provisioning command to completion, its output appended to a log that errors quote from. */
public final class ProcessRunner {
  private ProcessRunner() {}

  public static void run(List<String> command, Path log, Duration timeout) {
    run(command, Map.of(), log, timeout);
  }

  /**
   * @param environment values the step declares (CMAKE_ARGS, PATH, ...), set on top of the base environment and the
   *                    names {@link PassThrough#PROVISIONING} takes from the runtime's (proxies, pip's settings, the
   *                    compilers); nothing else of the runtime's environment reaches pip or a compiler
   */
  public static void run(List<String> command, Map<String, String> environment, Path log, Duration timeout) {
    try {
      Files.createDirectories(log.getParent());
      StringBuilder header = new StringBuilder("\n$ ");
      environment.forEach((k, v) -> header.append(k).append("='").append(v).append("' "));
      Files.writeString(log, header.append(String.join(" ", command)).append('\n'), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = confine(new ProcessBuilder(command), environment)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ProvisioningException("timed out after " + timeout + ": " + String.join(" ", command)
            + "\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new ProvisioningException("exit code " + process.exitValue() + ": " + String.join(" ", command)
            + "\n" + tail(log));
      }
    } catch (IOException e) {
      throw new ProvisioningException("cannot run " + command.get(0) + " (is it installed and on the PATH?): "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /**
   * A provisioning step's environment: what {@code builder} would inherit, cut down to the base and
   * {@link PassThrough#PROVISIONING}, plus {@code declared}. Package-visible so a test can hand it an inherited
   * environment with names the test JVM lacks.
   */
  static ProcessBuilder confine(ProcessBuilder builder, Map<String, String> declared) {
    return ToolEnvironment.confine(builder, PassThrough.PROVISIONING, declared);
  }

  /** The last lines of a log, for error messages that say what went wrong without opening the file. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of " + log + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ")";
    }
  }
}

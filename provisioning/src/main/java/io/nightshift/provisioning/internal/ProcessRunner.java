package io.nightshift.models.llamacpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one provisioning command to completion, its output appended to a log that errors quote from. */
final class ProcessRunner {
  private ProcessRunner() {}

  static void run(List<String> command, Path log, Duration timeout) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "\n$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new LlamaCppException("timed out after " + timeout + ": " + String.join(" ", command)
            + "\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new LlamaCppException("exit code " + process.exitValue() + ": " + String.join(" ", command)
            + "\n" + tail(log));
      }
    } catch (IOException e) {
      throw new LlamaCppException("cannot run " + command.get(0) + " (is it installed and on the PATH?): "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlamaCppException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** The last lines of a log, for error messages that say what went wrong without opening the file. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of " + log + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no log at " + log + ")";
    }
  }
}

package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.process.PassThrough;
import io.nightshift.core.process.ToolEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a hardware tool ({@code nvidia-smi}, {@code neuron-ls}) to completion and returns its output. A tool sees the
 * base environment ({@link ToolEnvironment#BASE}: PATH, and LD_LIBRARY_PATH for the driver's libraries) and nothing
 * else of the runtime's, unless the caller passes names (a compile step downloading a model). Every way it
 * can go wrong (not installed, not executable, hangs, non-zero exit) becomes an {@link AcceleratorException} that
 * names the command and what to check, never an uncaught I/O error.
 */
public final class CommandRunner {
  private CommandRunner() {}

  public record Result(int exitCode, String stdout, String stderr) {}

  public static String runForOutput(List<String> command, Duration timeout, Reason failure) {
    Result r = run(command, timeout, failure);
    if (r.exitCode() != 0) {
      throw new AcceleratorException(failure, "'" + Secrets.shown(command) + "' exited with " + r.exitCode()
          + output(r));
    }
    return r.stdout();
  }

  public static Result run(List<String> command, Duration timeout, Reason failure) {
    return run(command, PassThrough.NONE, timeout, failure);
  }

  /** As {@link #run(List, Duration, Reason)}, with these names passed from the runtime's environment. */
  public static Result run(List<String> command, Set<String> passThrough, Duration timeout, Reason failure) {
    Process process;
    try {
      process = ToolEnvironment.confine(new ProcessBuilder(command), passThrough, Map.of()).start();
    } catch (IOException e) {
      throw new AcceleratorException(failure, "cannot run '" + command.get(0) + "' (" + e.getMessage()
          + "); is it installed and is the configured path right?", e);
    }
    // Read both streams concurrently so a chatty tool cannot block on a full pipe.
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AcceleratorException(failure, "'" + Secrets.shown(command) + "' did not finish within "
            + timeout.toSeconds() + " s; the driver may be hung");
      }
      return new Result(process.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AcceleratorException(failure, "interrupted while running " + command.get(0), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AcceleratorException(failure, "could not read the output of " + command.get(0), e);
    }
  }

  /**
   * For tools that stream forever ({@code neuron-monitor} prints one JSON report per period): returns the first
   * non-blank line and stops the tool.
   */
  public static String firstLine(List<String> command, Duration timeout, Reason failure) {
    Process process;
    try {
      process = ToolEnvironment.confine(new ProcessBuilder(command)).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new AcceleratorException(failure, "cannot run '" + command.get(0) + "' (" + e.getMessage()
          + "); is it installed and is the configured path right?", e);
    }
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try (var reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = reader.readLine(); l != null; l = reader.readLine()) {
          if (!l.isBlank()) {
            return l;
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    try {
      String first = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (first == null) {
        throw new AcceleratorException(failure, "'" + Secrets.shown(command) + "' printed nothing and exited");
      }
      return first;
    } catch (TimeoutException e) {
      throw new AcceleratorException(failure, "'" + Secrets.shown(command) + "' printed nothing within "
          + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AcceleratorException(failure, "interrupted while reading " + command.get(0), e);
    } catch (ExecutionException e) {
      throw new AcceleratorException(failure, "could not read the output of " + command.get(0), e);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Tools differ in where they complain (nvidia-smi prints driver errors on stdout): prefer stderr. */
  private static String output(Result r) {
    String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
    return text.isBlank() ? "" : ": " + firstLines(text, 5);
  }

  public static String firstLines(String text, int n) {
    return text.strip().lines().limit(n).reduce((a, b) -> a + " | " + b).orElse("");
  }
}

package io.nightshift.examples.drugdiscovery.docking;

import io.nightshift.core.process.ToolEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an external program (Vina, Open Babel) in a working directory with a time limit, its standard output and
 * error merged into a file there (a pipe could fill and stall the program), and no shell in between: arguments
 * such as SMILES are passed verbatim.
 */
public final class ExternalCommand {
  /** How often a long-running program's progress is reported. */
  public static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private ExternalCommand() {}

  /**
   * What a finished program left.
   *
   * @param exitCode its exit status
   * @param output   its standard output and error, merged
   */
  public record Result(int exitCode, String output) {
    /** The last lines of the output, for error messages. */
    public String tail() {
      List<String> lines = output.strip().lines().toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    }
  }

  /**
   * How a program is started: plainly, or on the accelerator units a step holds (a tool passes its
   * {@code ToolContext::processBuilder}, which adds the lease's environment and, for CPU cores, {@code taskset}).
   * Either way it gets a tool program's environment ({@link ToolEnvironment#BASE}), not the runtime's secrets.
   */
  @FunctionalInterface
  public interface Launcher {
    ProcessBuilder builderFor(List<String> command);

    static Launcher plain() {
      return command -> ToolEnvironment.confine(new ProcessBuilder(command));
    }
  }

  /** The program ran past its time limit and was killed. */
  public static final class TimedOut extends Exception {
    public TimedOut(String message) {
      super(message);
    }
  }

  /**
   * The executable a name stands for: an absolute or relative path as given when it is executable, else the first
   * match on {@code PATH}; empty when there is none.
   */
  public static Optional<Path> locate(String program) {
    if (program.contains(File.separator)) {
      Path path = Path.of(program);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public static Result run(List<String> command, Path workDir, Duration timeout)
      throws IOException, TimedOut, InterruptedException {
    return run(command, workDir, timeout, elapsed -> { });
  }

  /**
   * Runs the program, telling {@code progress} the elapsed time every {@link #PROGRESS_EVERY} while it runs, so a
   * step can heartbeat through a long docking run.
   */
  public static Result run(List<String> command, Path workDir, Duration timeout, Consumer<Duration> progress)
      throws IOException, TimedOut, InterruptedException {
    return run(Launcher.plain(), command, workDir, timeout, progress);
  }

  /** As {@link #run(List, Path, Duration, Consumer)}, the program started by {@code launcher}. */
  public static Result run(Launcher launcher, List<String> command, Path workDir, Duration timeout,
      Consumer<Duration> progress) throws IOException, TimedOut, InterruptedException {
    Files.createDirectories(workDir);
    Path log = Files.createTempFile(workDir, "command-", ".log");
    Process process = launcher.builderFor(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
    try {
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      boolean finished = false;
      while (!finished && System.nanoTime() < deadline) {
        long slice = Math.min(PROGRESS_EVERY.toNanos(), deadline - System.nanoTime());
        finished = process.waitFor(Math.max(1, slice), TimeUnit.NANOSECONDS);
        if (!finished) {
          progress.accept(Duration.ofNanos(System.nanoTime() - start));
        }
      }
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new TimedOut(Path.of(command.get(0)).getFileName() + " ran longer than " + timeout.toSeconds()
            + " s and was stopped");
      }
      return new Result(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    } finally {
      if (process.isAlive()) { // interrupted while waiting: do not leave the program running
        process.destroyForcibly();
      }
      Files.deleteIfExists(log);
    }
  }

  private static File nullDevice() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }
}

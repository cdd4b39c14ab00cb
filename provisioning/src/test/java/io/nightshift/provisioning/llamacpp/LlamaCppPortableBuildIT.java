package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.provisioning.internal.Directories;
import io.nightshift.provisioning.python.PythonLock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard for issue 11's class of break (a llama.cpp compiled for the build machine's CPU, which died on its first
 * chat completion on a CPU that reports AMX): provisions llama.cpp into a fresh directory with the project's
 * portable flags and locks, then checks that
 * <ul>
 *   <li>no compiled library of it uses an instruction above the x86-64-v3 baseline (AVX-512, VNNI, AMX tiles);</li>
 *   <li>what pip installed is exactly what the lock pins;</li>
 *   <li>a server started from it answers a chat completion.</li>
 * </ul>
 * The wheel comes from the shared wheelhouse, keyed by flags and locks, so on a fresh machine (CI) this compiles it
 * from the locked sdist; elsewhere it checks the very wheel every other test and the bench use.
 */
class LlamaCppPortableBuildIT {
  @Test
  void shouldProvisionAPortableLlamaCppThatAnswersOnThisCpu() throws Exception {
    Path fresh = Path.of("target", "it-data", "portable-build").toAbsolutePath();
    Directories.deleteTree(fresh);
    LlamaCppProvisioner provisioner = LlamaCppProvisioner.builder(fresh)
        .wheelhouse(LlamaCppProvisioner.defaultDataDir().resolve("wheels"))
        .flags(LlamaCppBuildFlags.portable())
        .build();

    long t0 = System.nanoTime();
    LlamaCppInstallation installation = provisioner.provision(); // its last step: a server answered a chat
    long provisionMs = (System.nanoTime() - t0) / 1_000_000;

    assertThat(installation.buildFlags()).isEqualTo(LlamaCppBuildFlags.portable().toString());
    List<Path> libraries = compiledLibraries(provisioner.venvDir());
    assertThat(libraries).as("llama.cpp's shared libraries in the venv")
        .anySatisfy(l -> assertThat(l.getFileName().toString()).startsWith("libggml-cpu.so"));
    List<String> report = new ArrayList<>();
    for (Path library : libraries) {
      List<String> found = HostSpecificInstructions.findIn(library, 5);
      report.add(library.getFileName() + ": " + (found.isEmpty() ? "baseline only" : found));
      assertThat(found).as(library + " has instructions above the portable baseline").isEmpty();
    }
    assertThat(installedPins(installation.python())).as("pip freeze of the server's venv")
        .isSubsetOf(lockedPins(PythonLock.LLAMA_CPP_SERVER, PythonLock.LLAMA_CPP_PYTHON));

    try (LlamaCppServer server = LlamaCppServer.builder(installation).threads(2)
        .logFile(fresh.resolve("server.log")).start()) {
      String answer = chat(server);
      assertThat(answer).contains("\"choices\"").contains("\"content\"");
    }
    Files.write(Path.of("target", "portable-build-measurements.txt"), List.of(
        "provision into a fresh directory: " + provisionMs + " ms (flags " + installation.buildFlags() + ")",
        String.join("\n", report)));
  }

  private static String chat(LlamaCppServer server) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
        .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + server.modelName() + "\", \"messages\": "
            + "[{\"role\": \"user\", \"content\": \"Name a colour.\"}], \"max_tokens\": 8}"))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /**
   * Every shared library the llama-cpp-python wheel installed (ggml, llama, llama-common, mtmd), wherever in the venv:
   * a wheel holds lib*.so.0.25.3, lib*.so.0 and lib*.so as identical copies, so one of each is enough.
   */
  private static List<Path> compiledLibraries(Path venv) throws IOException {
    try (Stream<Path> files = Files.walk(venv)) {
      return files.filter(f -> Files.isRegularFile(f) && !Files.isSymbolicLink(f)
              && f.getFileName().toString().matches("lib(ggml|llama|mtmd)[A-Za-z0-9_-]*\\.so"))
          .sorted().toList();
    }
  }

  /** {@code name==version} of every package installed, names normalised as the lock writes them. */
  private static Set<String> installedPins(Path python) throws IOException, InterruptedException {
    // pip list, not pip freeze: it prints name==version also for the wheel installed from a file
    Process freeze = new ProcessBuilder(python.toString(), "-m", "pip", "list", "--format=freeze",
        "--disable-pip-version-check").redirectErrorStream(true).start();
    String out = new String(freeze.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(freeze.waitFor(1, TimeUnit.MINUTES) && freeze.exitValue() == 0).as(out).isTrue();
    return out.lines().filter(l -> l.contains("=="))
        // pip and setuptools come with the venv itself, not from the lock
        .filter(l -> !l.startsWith("pip==") && !l.startsWith("setuptools=="))
        .map(LlamaCppPortableBuildIT::normaliseLine)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> lockedPins(PythonLock... locks) {
    Set<String> pins = new TreeSet<>();
    for (PythonLock lock : locks) {
      lock.requirements().text().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("#") && l.contains("=="))
          .map(l -> l.split("[ ;]")[0]).map(LlamaCppPortableBuildIT::normaliseLine).forEach(pins::add);
    }
    return pins;
  }

  private static String normaliseLine(String pin) {
    String[] parts = pin.split("==", 2);
    return normalise(parts[0]) + "==" + parts[1].strip();
  }

  private static String normalise(String name) {
    return name.toLowerCase().replaceAll("[-_.]+", "-").replaceAll("\\[.*]", "");
  }
}

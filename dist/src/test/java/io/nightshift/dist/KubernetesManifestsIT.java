package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.provisioning.CacheDirectory;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every manifest in {@code deploy/kubernetes/} against the Kubernetes API schemas, offline, with kubernetes-validate
 * (installed from the hash-pinned {@link PythonLock#KUBERNETES_VALIDATE} into a cached venv) in strict mode, so an
 * unknown or misplaced field fails as the API server would refuse it; and the kustomization names them all.
 * Whether the containers' arguments fit the CLI is cli's {@code DeploymentManifestArgumentsTest}.
 */
class KubernetesManifestsIT {
  /**
   * The release the manifests must be valid for: pinned, so a newer lock does not change the verdict, and a few
   * releases behind the newest kubernetes-validate knows (1.37), so they apply to clusters that are not current.
   */
  static final String KUBERNETES_VERSION = "1.33.0";
  private static final Path DIR = Path.of("..", "deploy", "kubernetes").toAbsolutePath().normalize();
  private static final String KUSTOMIZATION = "kustomization.yaml";
  private static Path validator;

  @BeforeAll
  static void install() {
    PythonEnvironment venv = PythonEnvironment.builder(
        CacheDirectory.defaultRoot().resolve("kubernetes-validate").resolve("venv")).build();
    venv.ensure(List.of(PythonLock.KUBERNETES_VALIDATE.requirements()), List.of("-c", "import kubernetes_validate"));
    validator = venv.bin("kubernetes-validate");
  }

  @Test
  void shouldValidateEveryManifestStrictlyAgainstThePinnedKubernetesRelease() throws Exception {
    List<Path> manifests = manifests();
    Result result = validate(manifests);

    assertThat(result.exitCode()).as(result.output()).isZero();
    // an unknown kind or apiVersion is only a warning to it ("Couldn't find schema"), and exits 0
    assertThat(result.output().lines()).as(result.output()).noneMatch(l -> l.startsWith("WARN") || l.startsWith("ERROR"));
    assertThat(result.output().lines().filter(l -> l.contains(" passed for resource ")).count()).as(result.output())
        .isEqualTo(documents(manifests));
  }

  @Test
  void shouldRefuseAFieldTheSchemaDoesNotHave(@TempDir Path dir) throws Exception {
    String api = Files.readString(DIR.resolve("api.yaml"));
    assertThat(api).contains("      automountServiceAccountToken: false\n");
    Path misspelt = Files.writeString(dir.resolve("api.yaml"), api.replace(
        "      automountServiceAccountToken: false\n",
        "      automountServiceAccountToken: false\n      nodeSelecter: {disktype: ssd}\n"));

    Result result = validate(List.of(misspelt));

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("nodeSelecter");
  }

  @Test
  void shouldListEveryManifestInTheKustomization() throws IOException {
    Map<String, Object> kustomization = new Yaml().load(Files.readString(DIR.resolve(KUSTOMIZATION)));
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) kustomization.get("resources");
    assertThat(resources).containsExactlyInAnyOrderElementsOf(
        manifests().stream().map(p -> p.getFileName().toString()).toList());
  }

  private record Result(int exitCode, String output) {}

  private static Result validate(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of(validator.toString(), "--strict", "--kubernetes-version",
        KUBERNETES_VERSION));
    files.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubernetes-validate did not end within 120 s: " + out);
    }
    return new Result(p.exitValue(), out);
  }

  private static List<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals(KUSTOMIZATION)).sorted().toList();
    }
  }

  private static long documents(List<Path> files) throws IOException {
    long count = 0;
    for (Path f : files) {
      count += StreamSupport.stream(new Yaml().loadAll(Files.readString(f)).spliterator(), false)
          .filter(Objects::nonNull).count();
    }
    return count;
  }
}

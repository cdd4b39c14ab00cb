package io.nightshift.cli;

import static io.nightshift.cli.KubernetesManifests.list;
import static io.nightshift.cli.KubernetesManifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.files.OwnerOnly;
import io.nightshift.runtime.backends.BackendsFile;
import io.nightshift.runtime.config.TemporalSecurity;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.runtime.models.ModelsFile;
import io.nightshift.runtime.temporal.codec.PayloadKeyFile;
import io.nightshift.runtime.temporal.tls.TemporalCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes/} against the real CLI and the runtime's own readers, so they
 * cannot drift from the flags: each Nightshift container's arguments (with the variables the kubelet substitutes)
 * parse with the picocli command line of {@code bin/nightshift} into a configuration the runtime accepts, every file
 * they name is mounted there, the backends and models files in the ConfigMap read as the runtime reads them, and
 * the placeholder secrets are refused at start rather than taken for keys.
 */
class DeploymentManifestArgumentsTest {
  private static final String IMAGE = "nightshift:";
  private static KubernetesManifests manifests;

  @BeforeAll
  static void load() throws IOException {
    manifests = KubernetesManifests.load();
  }

  @Test
  void shouldStartEveryContainerThroughTheLauncherWithArgumentsTheCliTurnsIntoAConfiguration() {
    List<String> roles = new ArrayList<>();
    for (var deployment : manifests.podSpecs().entrySet()) {
      for (Map<String, Object> container : nightshiftContainers(deployment.getValue())) {
        String where = deployment.getKey() + "/" + container.get("name");
        assertThat(container).as(where + " must keep the image's entrypoint, bin/nightshift").doesNotContainKey("command");
        ParseResult parsed = parse(where, manifests.resolvedArgs(container));
        Object command = parsed.subcommand().commandSpec().userObject();
        assertThat(command).as(where + " runs a role").isInstanceOf(ServeCommand.class);
        assertThatCode(() -> ((ServeCommand) command).options.toConfig()).as(where).doesNotThrowAnyException();
        roles.add(parsed.subcommand().commandSpec().name());
      }
    }
    assertThat(roles).contains("api", "worker");
  }

  @Test
  void shouldMountEveryFileTheArgumentsName() {
    for (var deployment : manifests.podSpecs().entrySet()) {
      Map<String, Object> pod = deployment.getValue();
      for (Map<String, Object> container : nightshiftContainers(pod)) {
        String where = deployment.getKey() + "/" + container.get("name");
        ParseResult parsed = parse(where, manifests.resolvedArgs(container));
        for (OptionSpec option : parsed.subcommand().matchedOptions()) {
          if (option.getValue() instanceof Path file) {
            assertMounted(where + " " + option.longestName(), file, pod, container);
          }
        }
      }
    }
  }

  @Test
  void shouldCarryBackendsAndModelsFilesTheRuntimeReads(@TempDir Path dir) throws IOException {
    Map<String, String> files = manifests.configMap("nightshift-files");
    assertThat(files).containsKeys("backends-cpu.yaml", "backends-nvidia.yaml", "backends-trainium.yaml",
        "models.yaml");
    for (var file : files.entrySet()) {
      if (file.getKey().startsWith("backends-")) {
        assertThat(BackendsFile.parse(file.getValue(), file.getKey())).as(file.getKey()).isNotEmpty();
      }
    }
    Path models = Files.writeString(dir.resolve("models.yaml"), files.get("models.yaml"));
    assertThatCode(() -> ModelsFile.read(models)).doesNotThrowAnyException();
  }

  @Test
  void shouldShipOnlyPlaceholderSecretsThatTheRuntimeRefusesAtStart(@TempDir Path dir) throws IOException {
    Path keys = ownerOnly(dir.resolve("payload-keys"),
        manifests.secretStrings("nightshift-payload-keys").get("payload-keys"));
    assertThatThrownBy(() -> PayloadKeyFile.read(keys)).hasMessageContaining("payload key file " + keys)
        .hasMessageContaining("line 1");

    Map<String, String> tls = manifests.secretStrings("nightshift-temporal-tls");
    TemporalSecurity security = new TemporalSecurity(ownerOnly(dir.resolve("ca.crt"), tls.get("ca.crt")),
        ownerOnly(dir.resolve("tls.crt"), tls.get("tls.crt")), ownerOnly(dir.resolve("tls.key"), tls.get("tls.key")),
        null, null);
    assertThatThrownBy(() -> TemporalCredentials.load("temporal.example.net:7233", security))
        .hasMessageContaining(TemporalSecurity.CA_FLAG);
  }

  @Test
  void shouldGiveEachAcceleratorWorkerTheDevicesItsPoolDiscovers() {
    Map<String, String> files = manifests.configMap("nightshift-files");
    Map<String, Object> nvidia = worker("nightshift-worker-nvidia");
    assertThat(poolTypes(files.get("backends-nvidia.yaml"))).containsOnly("nvidia");
    assertThat(map(map(nvidia, "resources"), "limits")).containsKey("nvidia.com/gpu");
    assertThat(list(nvidia, "env")).anySatisfy(v -> assertThat(String.valueOf(v.get("value"))).contains("utility"));

    Map<String, Object> trainium = worker("nightshift-worker-trainium");
    List<PoolConfig> pools = BackendsFile.parse(files.get("backends-trainium.yaml"), "backends-trainium.yaml");
    assertThat(pools).extracting(PoolConfig::type).containsOnly("trainium");
    assertThat(map(map(trainium, "resources"), "limits")).containsKey("aws.amazon.com/neuroncore");
    for (String tool : List.of("neuron-ls", "neuron-monitor")) {
      String path = pools.get(0).settings().string(tool).orElseThrow();
      assertThat(list(trainium, "volumeMounts")).as(tool + " at " + path + " must be mounted")
          .anySatisfy(m -> assertThat(path).startsWith(m.get("mountPath") + "/"));
    }
  }

  @Test
  void shouldRunEveryContainerAsNonRootWithoutCapabilitiesOnAReadOnlyRoot() {
    for (var deployment : manifests.podSpecs().entrySet()) {
      Map<String, Object> pod = deployment.getValue();
      assertThat(map(pod, "securityContext")).as(deployment.getKey()).containsEntry("runAsNonRoot", true);
      List<Map<String, Object>> all = new ArrayList<>(list(pod, "initContainers"));
      all.addAll(list(pod, "containers"));
      for (Map<String, Object> container : all) {
        Map<String, Object> security = map(container, "securityContext");
        String where = deployment.getKey() + "/" + container.get("name");
        assertThat(security).as(where).containsEntry("readOnlyRootFilesystem", true)
            .containsEntry("allowPrivilegeEscalation", false);
        assertThat(map(security, "capabilities").get("drop")).as(where).isEqualTo(List.of("ALL"));
        assertThat(map(container, "resources")).as(where).containsKeys("requests", "limits");
      }
    }
  }

  private static ParseResult parse(String where, List<String> args) {
    try {
      return new CommandLine(new NightshiftCli()).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(where + ": the CLI refuses its arguments " + args + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code file} must lie in one of the container's mounts: a ConfigMap or Secret holding it as a key, an emptyDir
   * an init container writes it into, or the data volume.
   */
  private static void assertMounted(String what, Path file, Map<String, Object> pod, Map<String, Object> container) {
    Map<String, Object> mount = list(container, "volumeMounts").stream()
        .filter(m -> file.startsWith(Path.of((String) m.get("mountPath"))))
        .max(Comparator.comparingInt(m -> ((String) m.get("mountPath")).length()))
        .orElseThrow(() -> new AssertionError(what + " " + file + " lies in no volume the container mounts"));
    String key = Path.of((String) mount.get("mountPath")).relativize(file).toString();
    Map<String, Object> volume = list(pod, "volumes").stream().filter(v -> v.get("name").equals(mount.get("name")))
        .findFirst().orElseThrow(() -> new AssertionError(what + ": no volume " + mount.get("name")));
    if (volume.containsKey("configMap")) {
      assertThat(manifests.configMap((String) map(volume, "configMap").get("name"))).as(what).containsKey(key);
    } else if (volume.containsKey("secret")) {
      assertThat(manifests.secretKeys((String) map(volume, "secret").get("secretName"))).as(what).contains(key);
    } else if (volume.containsKey("emptyDir")) {
      assertThat(list(pod, "initContainers")).as(what + ": an init container must write " + file)
          .anySatisfy(init -> assertThat(String.valueOf(init.get("command"))).contains(" " + file));
    } else {
      assertThat(volume).as(what + ": " + file + " lies on the data volume").containsKey("persistentVolumeClaim");
    }
  }

  /** {@code text} in {@code file}, mode 600, as the init containers leave the secrets for the runtime. */
  private static Path ownerOnly(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, OwnerOnly.FILE);
    return file;
  }

  private static List<Map<String, Object>> nightshiftContainers(Map<String, Object> pod) {
    return list(pod, "containers").stream().filter(c -> String.valueOf(c.get("image")).startsWith(IMAGE)).toList();
  }

  private static Map<String, Object> worker(String deployment) {
    return nightshiftContainers(manifests.podSpecs().get(deployment)).get(0);
  }

  private static List<String> poolTypes(String backends) {
    return BackendsFile.parse(backends, "backends").stream().map(PoolConfig::type).toList();
  }
}

package io.nightshift.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.tool.ToolContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a program started for a tool inherits. The build puts {@code NIGHTSHIFT_TEST_SECRET_API_KEY} into the test
 * JVM's environment (the parent pom's Surefire configuration), as an operator's shell holds a model endpoint's key.
 */
class ToolEnvironmentTest {
  private static final String SECRET = "NIGHTSHIFT_TEST_SECRET_API_KEY";

  @BeforeAll
  static void theRuntimeHasASecret() {
    assertThat(System.getenv(SECRET)).as(SECRET + " is set for tests by the parent pom's Surefire").isNotNull();
  }

  @Test
  void shouldKeepTheBaseAndWhatIsPassedThroughOrDeclaredAndNothingElse() {
    Map<String, String> runtime = Map.of("PATH", "/usr/bin", "HOME", "/home/ns", "LANG", "C.UTF-8",
        "OPENAI_API_KEY", "sk-live", "HF_TOKEN", "hf-1", "AWS_SECRET_ACCESS_KEY", "aws");

    Map<String, String> env = ToolEnvironment.of(runtime, Set.of("HF_TOKEN", "NOT_SET_ANYWHERE"),
        Map.of("CALC_MODE", "test", "LANG", "en_GB.UTF-8"));

    assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/bin", "HOME", "/home/ns",
        "LANG", "en_GB.UTF-8", "HF_TOKEN", "hf-1", "CALC_MODE", "test"));
  }

  @Test
  void shouldStartAToolsProgramWithoutTheRuntimesSecrets() {
    ProcessBuilder plain = new ToolCall(Optional.empty()).processBuilder(List.of("true"));

    assertThat(plain.environment()).doesNotContainKey(SECRET);
    assertThat(plain.environment().keySet()).isSubsetOf(ToolEnvironment.BASE);
    assertThat(plain.environment()).containsEntry("PATH", System.getenv("PATH"));
  }

  @Test
  void shouldStartAProgramOnLeasedUnitsWithTheLeasesVariablesButNotTheRuntimesSecrets() {
    Device gpu = new Device("GPU-2", 2, AcceleratorKind.NVIDIA_GPU, "H100", 80L << 30, "2", false);
    Lease lease = new Lease("lease-1", "nvidia", AcceleratorKind.NVIDIA_GPU, "task/step", List.of(gpu),
        Map.of("CUDA_VISIBLE_DEVICES", "2"), Instant.EPOCH);
    ProcessBuilder onUnits = new ToolCall(Optional.of(new LeasedUnits(lease, List.of())))
        .processBuilder(List.of("true"));

    assertThat(onUnits.environment()).doesNotContainKey(SECRET).containsEntry("CUDA_VISIBLE_DEVICES", "2");
  }

  /** A tool call's context with or without units; only {@code processBuilder} is exercised. */
  private record ToolCall(Optional<LeasedUnits> units) implements ToolContext {
    @Override
    public ArtifactStore artifacts() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String idempotencyKey() {
      return "t/1";
    }

    @Override
    public Path workDir() {
      return Path.of(".");
    }

    @Override
    public void heartbeat(String progress) {}
  }
}

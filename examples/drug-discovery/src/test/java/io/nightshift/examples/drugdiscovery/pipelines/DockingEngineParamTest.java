package io.nightshift.examples.drugdiscovery.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.planners.declarative.PipelineParser;
import io.nightshift.planners.declarative.PipelineValidator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The campaign pipelines pass {@code docking_engine} to every docking step, and no pipeline can name what docking
 * runs or calls: the programs and the NIM are the operator's ({@code DockingConfig}).
 */
class DockingEngineParamTest {
  private static final Map<String, ToolDescriptor> TOOLS = new TreeMap<>();

  static {
    ServiceLoader.load(ToolProvider.class).forEach(p -> p.tools().forEach(t -> TOOLS.put(t.descriptor().name(),
        t.descriptor())));
  }

  /** The README's recipe for docking on the Nvidia pool: the docking map step requires a GPU. */
  private static final String NIM_ROUND = """
      name: dock-on-gpu
      steps:
        - name: seeds
          tool: chem.seeds
        - name: dock
          kind: map
          tool: chem.dock
          over: "${steps.seeds.output}"
          item_param: molecules
          chunk_size: 4
          requires: {kind: nvidia_gpu, units: 1}
          params:
            engine: diffdock-nim
          heartbeat_timeout: 2m
      """;

  private static Plan plan(String name, Map<String, String> params) throws Exception {
    String yaml;
    try (InputStream in = DockingEngineParamTest.class.getClassLoader()
        .getResourceAsStream("nightshift/pipelines/" + name + ".yaml")) {
      yaml = in == null ? NIM_ROUND : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return validate(yaml, params);
  }

  private static Plan validate(String yaml, Map<String, String> params) {
    ToolCatalog catalog = new ToolCatalog() {
      @Override
      public Optional<ToolDescriptor> describe(String toolName) {
        return Optional.ofNullable(TOOLS.get(toolName));
      }

      @Override
      public Collection<ToolDescriptor> all() {
        return TOOLS.values();
      }
    };
    PipelineSource none = new PipelineSource() {
      @Override
      public Optional<String> yaml(String n) {
        return Optional.empty();
      }

      @Override
      public Set<String> names() {
        return Set.of();
      }
    };
    return new PipelineValidator(catalog, none).validate(new PipelineParser().parse(yaml), params, 1);
  }

  @Test
  void shouldDockInProcessByDefaultSoTheDemoNeedsNothingInstalled() throws Exception {
    Plan plan = plan("drug-discovery-demo", Map.of());

    assertThat(plan.step("dock1").params()).containsEntry("engine", "openchemlib").doesNotContainKey("nim_url");
  }

  @Test
  void shouldPassTheChosenEngineToEveryDockingStep() throws Exception {
    Plan plan = plan("drug-discovery", Map.of("docking_engine", "diffdock-nim"));

    for (int r = 1; r <= 8; r++) {
      assertThat(plan.step("dock" + r).params()).containsExactlyInAnyOrderEntriesOf(Map.of("engine", "diffdock-nim",
          "effort", "standard"));
    }
    assertThat(plan("drug-discovery-demo", Map.of("docking_engine", "vina")).step("dock3").params())
        .containsEntry("engine", "vina");
  }

  @Test
  void shouldPlaceANimDockingStepThatRequiresAGpuOnTheNvidiaPool() throws Exception {
    Plan plan = plan("dock-on-gpu", Map.of());

    assertThat(plan.step("dock").requires().kind()).isEqualTo("nvidia_gpu");
    assertThat(plan.step("dock").requires().toStepRequirements().kind())
        .contains(AcceleratorKind.NVIDIA_GPU);
    assertThat(plan.step("dock").params()).containsExactly(Map.entry("engine", "diffdock-nim"));
  }

  @Test
  void shouldRefuseAPipelineOrASubmissionThatNamesWhatDockingRunsOrCalls() throws Exception {
    for (String key : List.of("nim_url", "vina_path", "obabel_path")) {
      String yaml = NIM_ROUND.replace("engine: diffdock-nim", "{engine: vina, " + key + ": /bin/sh}");

      assertThatThrownBy(() -> validate(yaml, Map.of())).as(key).isInstanceOfSatisfying(
          InvalidPipelineException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.step()).isEqualTo("dock");
            assertThat(p.field()).isEqualTo("params." + key);
            assertThat(p.message()).startsWith("tool 'chem.dock' has no parameter '" + key + "'");
          }));
      // the shipped pipelines no longer declare it, so a submission cannot pass it as a task parameter either
      assertThatThrownBy(() -> plan("drug-discovery-demo", Map.of(key, "http://10.0.0.5"))).as(key)
          .isInstanceOfSatisfying(InvalidPipelineException.class, e -> assertThat(e.problems())
              .extracting(PipelineProblem::field).containsExactly("params." + key));
    }
  }
}

package io.nightshift.examples.drugdiscovery.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorKind;
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
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The campaign pipelines pass {@code docking_engine} and {@code nim_url} to every docking step. */
class DockingEngineParamTest {
  private static final Map<String, ToolDescriptor> TOOLS = new TreeMap<>();

  static {
    ServiceLoader.load(ToolProvider.class).forEach(p -> p.tools().forEach(t -> TOOLS.put(t.descriptor().name(),
        t.descriptor())));
  }

  /** The README's recipe for docking on the Nvidia pool: the docking map step requires a GPU. */
  private static final String NIM_ROUND = """
      name: dock-on-gpu
      params:
        nim_url: "http://gpu-node:8000"
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
            nim_url: "${params.nim_url}"
          heartbeat_timeout: 2m
      """;

  private static Plan plan(String name, Map<String, String> params) throws Exception {
    String yaml;
    try (InputStream in = DockingEngineParamTest.class.getClassLoader()
        .getResourceAsStream("nightshift/pipelines/" + name + ".yaml")) {
      yaml = in == null ? NIM_ROUND : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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

    assertThat(plan.step("dock1").params()).containsEntry("engine", "openchemlib").containsEntry("nim_url", "");
  }

  @Test
  void shouldPassTheChosenEngineAndNimUrlToEveryDockingStep() throws Exception {
    Plan plan = plan("drug-discovery", Map.of("docking_engine", "diffdock-nim", "nim_url", "http://gpu-node:8000"));

    for (int r = 1; r <= 8; r++) {
      assertThat(plan.step("dock" + r).params()).containsEntry("engine", "diffdock-nim")
          .containsEntry("nim_url", "http://gpu-node:8000");
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
    assertThat(plan.step("dock").params()).containsEntry("engine", "diffdock-nim")
        .containsEntry("nim_url", "http://gpu-node:8000");
  }
}

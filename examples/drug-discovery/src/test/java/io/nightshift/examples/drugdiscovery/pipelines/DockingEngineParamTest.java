package io.nightshift.examples.drugdiscovery.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static Plan plan(String name, Map<String, String> params) throws Exception {
    String yaml;
    try (InputStream in = DockingEngineParamTest.class.getClassLoader()
        .getResourceAsStream("nightshift/pipelines/" + name + ".yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
}

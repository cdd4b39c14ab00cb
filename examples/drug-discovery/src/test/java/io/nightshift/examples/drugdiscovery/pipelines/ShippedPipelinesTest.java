package io.nightshift.examples.drugdiscovery.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.planners.declarative.PipelineParser;
import io.nightshift.planners.declarative.PipelineValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shipped pipelines pass the engine's own parser and validator against the chemistry tools. */
class ShippedPipelinesTest {
  private static final Map<String, ToolDescriptor> TOOLS = new TreeMap<>();

  static {
    ServiceLoader.load(ToolProvider.class).forEach(p -> p.tools().forEach(t -> TOOLS.put(t.descriptor().name(),
        t.descriptor())));
  }

  private static final ToolCatalog CATALOG = new ToolCatalog() {
    @Override
    public Optional<ToolDescriptor> describe(String toolName) {
      return Optional.ofNullable(TOOLS.get(toolName));
    }

    @Override
    public Collection<ToolDescriptor> all() {
      return TOOLS.values();
    }
  };

  private static final PipelineSource SHIPPED = new PipelineSource() {
    @Override
    public Optional<String> yaml(String name) {
      return names().contains(name) ? Optional.of(resource(name + ".yaml")) : Optional.empty();
    }

    @Override
    public Set<String> names() {
      return Set.copyOf(resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
  };

  private static Plan plan(String name, Map<String, String> params) {
    return new PipelineValidator(CATALOG, SHIPPED).validate(new PipelineParser().parse(SHIPPED.yaml(name)
        .orElseThrow()), params, 1);
  }

  @Test
  void shouldListTheCampaignPipelinesInTheIndex() {
    assertThat(SHIPPED.names()).containsExactlyInAnyOrder("drug-discovery", "drug-discovery-demo",
        "drug-discovery-agents-demo", "drug-discovery-agents", "drug-discovery-validate");
  }

  @Test
  void shouldDockTheValidationSetWithBothEnginesAndScoreTheirEnrichment() {
    Plan plan = plan("drug-discovery-validate", Map.of());
    assertThat(plan.steps()).extracting(PlannedStep::name)
        .containsExactly("set", "dock_ocl", "dock_vina", "enrichment", "report");
    assertThat(plan.steps()).filteredOn(s -> s.name().startsWith("dock_")).extracting(PlannedStep::kind)
        .containsOnly(StepKind.MAP);
    assertThat(plan("drug-discovery-validate", Map.of("decoys_per_active", "50", "effort", "standard",
        "vina_exhaustiveness", "8")).steps()).hasSize(5);
  }

  @Test
  void shouldKeepTheDemoFreeOfModelSteps() {
    assertThat(plan("drug-discovery-demo", Map.of()).steps()).extracting(PlannedStep::kind)
        .doesNotContain(StepKind.AGENT);
    assertThat(plan("drug-discovery", Map.of()).steps()).extracting(PlannedStep::kind)
        .doesNotContain(StepKind.AGENT);
  }

  @Test
  void shouldGiveEachRoundOfTheAgentsPipelinesAProposingAndASummarisingAgent() {
    for (String name : List.of("drug-discovery-agents-demo", "drug-discovery-agents")) {
      Plan plan = plan(name, Map.of("model", "smollm2"));
      int rounds = name.endsWith("demo") ? 3 : 8;
      assertRoundsChained(plan, rounds);
      for (int r = 1; r <= rounds; r++) {
        String parents = r == 1 ? "${steps.seeds.output}" : "${steps.select" + (r - 1) + ".output}";
        assertThat(plan.step("brief" + r).params()).containsEntry("molecules", parents);
        PlannedStep propose = plan.step("propose" + r);
        assertThat(propose.kind()).isEqualTo(StepKind.AGENT);
        assertThat(propose.agent().model()).isEqualTo("chemist");
        assertThat(propose.agent().tools()).isEmpty();
        assertThat(propose.agent().prompt()).contains("<<inline ${steps.brief" + r + ".output}>>")
            .contains("Propose 10 new analogues");
        assertThat(plan.step("proposals" + r).params()).containsEntry("answer", "${steps.propose" + r + ".output}")
            .containsEntry("parents", parents).containsEntry("proposed_by", "chemist/smollm2");
        assertThat(plan.step("generate" + r).params()).containsEntry("proposals",
            "${steps.proposals" + r + ".output}");
        assertThat(plan.step("facts" + r).params()).containsEntry("molecules", "${steps.dock" + r + ".output}");
        assertThat(plan.step("sar" + r).agent().prompt()).contains("<<inline ${steps.facts" + r + ".output}>>");
      }
      assertThat(plan.step("report").params()).containsEntry("summary_by", "chemist/smollm2")
          .containsEntry("summaries", String.join(",", IntStream.rangeClosed(1, rounds)
              .mapToObj(r -> "${steps.sar" + r + ".output}").toList()));
    }
  }

  @Test
  void shouldValidateTheOneRoundAgentsPipelineTheEndToEndTestRuns() {
    Plan plan = new PipelineValidator(CATALOG, SHIPPED).validate(new PipelineParser().parse(
        resource("drug-discovery-agents-one-round.yaml")), Map.of(), 1);

    assertRoundsChained(plan, 1);
    assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.AGENT).extracting(PlannedStep::name)
        .containsExactlyInAnyOrder("propose1", "sar1");
  }

  @Test
  void shouldPlanTheDemoAsThreeChainedRoundsThenTheReport() {
    Plan plan = plan("drug-discovery-demo", Map.of());

    List<String> expected = new ArrayList<>(List.of("seeds"));
    for (int r = 1; r <= 3; r++) {
      for (String step : List.of("generate", "filter", "triage", "dock", "select")) {
        expected.add(step + r);
      }
    }
    expected.add("report");
    assertThat(plan.steps()).extracting(PlannedStep::name).containsExactlyInAnyOrderElementsOf(expected);
    assertRoundsChained(plan, 3);
    assertThat(plan.step("dock2").params()).containsEntry("effort", "fast");
    assertThat(plan.step("report").params()).containsEntry("rounds",
        "${steps.dock1.output},${steps.dock2.output},${steps.dock3.output}")
        .containsEntry("molecules", "${steps.select3.output}").containsEntry("ancestors", "${steps.seeds.output}");
  }

  @Test
  void shouldPlanTheFullCampaignAtScale() {
    Plan plan = plan("drug-discovery", Map.of());

    assertRoundsChained(plan, 8);
    assertThat(plan.params()).containsEntry("candidates", "3000").containsEntry("dock_count", "1000")
        .containsEntry("effort", "standard");
    assertThat(plan.step("generate8").params()).containsEntry("count", "3000");
    assertThat(plan.step("report").params().get("rounds")).contains("${steps.dock8.output}");
  }

  @Test
  void shouldLetTheRankingBeforeIssue18BeChosenAtSubmission() {
    Plan plan = plan("drug-discovery-demo", Map.of("ranking", "combined", "parent_weighting", "uniform"));

    assertThat(plan.step("select2").params()).containsEntry("ranking", "combined");
    assertThat(plan.step("generate2").params()).containsEntry("parent_weighting", "uniform");
  }

  @Test
  void shouldRefuseAnUndeclaredDemoParameter() {
    assertThatThrownBy(() -> plan("drug-discovery-demo", Map.of("rounds", "5")))
        .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("declares no parameter 'rounds'");
  }

  /** Round r builds on round r-1's selection, docks as a map over its triaged set, and pools its selection. */
  private static void assertRoundsChained(Plan plan, int rounds) {
    for (int r = 1; r <= rounds; r++) {
      String parents = r == 1 ? "${steps.seeds.output}" : "${steps.select" + (r - 1) + ".output}";
      assertThat(plan.step("generate" + r).params()).containsEntry("molecules", parents)
          .containsEntry("round", String.valueOf(r)).containsEntry("seed", "7" + r);
      PlannedStep dock = plan.step("dock" + r);
      assertThat(dock.kind()).isEqualTo(StepKind.MAP);
      assertThat(dock.map().over()).isEqualTo("${steps.triage" + r + ".output}");
      assertThat(dock.map().itemParam()).isEqualTo("molecules");
      assertThat(dock.map().chunkSize()).isLessThan(Integer.parseInt(plan.params().get("dock_count")));
      String pool = "${steps.dock" + r + ".output}" + (r == 1 ? "" : ",${steps.select" + (r - 1) + ".output}");
      assertThat(plan.step("select" + r).params()).containsEntry("molecules", pool);
      // the learning loop: Pareto triage and selection, more analogues around the best-ranked parents
      assertThat(plan.step("triage" + r).params()).containsEntry("ranking", "pareto");
      // and no molecule docked twice: the triage leaves out every earlier round's docked set
      String docked = IntStream.range(1, r).mapToObj(d -> "${steps.dock" + d + ".output}")
          .collect(Collectors.joining(","));
      if (r == 1) {
        assertThat(plan.step("triage" + r).params()).doesNotContainKey("exclude");
      } else {
        assertThat(plan.step("triage" + r).params()).containsEntry("exclude", docked);
      }
      assertThat(plan.step("select" + r).params()).containsEntry("ranking", "pareto");
      assertThat(plan.step("generate" + r).params()).containsEntry("parent_weighting", "rank");
    }
  }

  private static String resource(String file) {
    String path = "nightshift/pipelines/" + file;
    try (InputStream in = ShippedPipelinesTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

}

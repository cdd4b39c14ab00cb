package io.nightshift.client.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepSpec;
import io.nightshift.planners.declarative.PipelineParser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed builders write YAML that the runtime's own parser reads back into the pipeline that was built. */
class PipelineYamlTest {
  private final PipelineParser parser = new PipelineParser();

  @Test
  void shouldWriteToolMapAgentAndWaitStepsThatTheRuntimeReadsBackAsBuilt() {
    String yaml = Pipeline.named("screen").description("a screen: with ':' and # in it")
        .param("max_mw", "500").requiredParam("target")
        .step(Step.tool("load", "data.read_csv").param("source", "classpath:nightshift/data/approved_drugs.csv")
            .retryAttempts(3).timeout(Duration.ofSeconds(90)))
        .step(Step.tool("filter", "table.filter").param("input", Step.output("load"))
            .param("where", "mw <= " + Pipeline.paramRef("max_mw") + " and name != \"x\"\n# not a comment")
            .needs("load").continueOnError())
        .step(Step.map("dock", "chem.dock", Step.output("filter")).chunkSize(25).maxParallel(4).itemParam("ligands")
            .param("receptor", "yes"))
        .step(Step.waitFor("settle", Duration.ofMillis(1500)).needs("dock"))
        .step(Step.agent("ask", "local", "summarise " + Step.output("filter")).instructions("be brief")
            .tools("table.describe", "table.filter").maxTurns(7).needs("settle").approvalRequired())
        .toYaml();

    PipelineSpec spec = parser.parse(yaml);

    assertThat(spec.name()).isEqualTo("screen");
    assertThat(spec.description()).isEqualTo("a screen: with ':' and # in it");
    assertThat(spec.params()).containsExactlyEntriesOf(paramsOf("max_mw", "500", "target", null));
    assertThat(spec.steps()).extracting(StepSpec::name).containsExactly("load", "filter", "dock", "settle", "ask");
    StepSpec load = spec.steps().get(0);
    assertThat(load.kind()).isEqualTo(StepKind.TOOL);
    assertThat(load.tool()).isEqualTo("data.read_csv");
    assertThat(load.params()).containsExactlyEntriesOf(Map.of("source", "classpath:nightshift/data/approved_drugs.csv"));
    assertThat(load.policy().maxAttempts()).isEqualTo(3);
    assertThat(load.policy().timeoutMillis()).isEqualTo(90_000);
    StepSpec filter = spec.steps().get(1);
    assertThat(filter.params().get("where")).isEqualTo("mw <= ${params.max_mw} and name != \"x\"\n# not a comment");
    assertThat(filter.params().get("input")).isEqualTo("${steps.load.output}");
    assertThat(filter.needs()).containsExactly("load");
    assertThat(filter.policy().continueOnError()).isTrue();
    StepSpec dock = spec.steps().get(2);
    assertThat(dock.kind()).isEqualTo(StepKind.MAP);
    assertThat(dock.map().over()).isEqualTo("${steps.filter.output}");
    assertThat(dock.map().chunkSize()).isEqualTo(25);
    assertThat(dock.map().maxParallel()).isEqualTo(4);
    assertThat(dock.map().itemParam()).isEqualTo("ligands");
    assertThat(dock.params().get("receptor")).as("quoted, so not read as a boolean").isEqualTo("yes");
    StepSpec settle = spec.steps().get(3);
    assertThat(settle.kind()).isEqualTo(StepKind.WAIT);
    assertThat(settle.waitMillis()).isEqualTo(1500);
    StepSpec ask = spec.steps().get(4);
    assertThat(ask.kind()).isEqualTo(StepKind.AGENT);
    assertThat(ask.agent().model()).isEqualTo("local");
    assertThat(ask.agent().prompt()).isEqualTo("summarise ${steps.filter.output}");
    assertThat(ask.agent().instructions()).isEqualTo("be brief");
    assertThat(ask.agent().tools()).containsExactly("table.describe", "table.filter");
    assertThat(ask.agent().maxTurns()).isEqualTo(7);
    assertThat(ask.approval()).isTrue();
    assertThat(load.approval()).isFalse();
  }

  @Test
  void shouldRefuseWhatTheRuntimeWouldRefuseBeforeAnythingIsSent() {
    assertThatThrownBy(() -> Step.tool("1st", "t")).hasMessageContaining("step name must be");
    assertThatThrownBy(() -> Step.tool("a", "t").chunkSize(5)).hasMessageContaining("only a map step takes chunk_size");
    assertThatThrownBy(() -> Pipeline.named("p").step(Step.tool("a", "t")).step(Step.tool("a", "u")))
        .hasMessageContaining("already has a step named a");
    assertThatThrownBy(() -> Pipeline.named("p").toYaml()).hasMessageContaining("has no steps");
  }

  private static Map<String, String> paramsOf(String k1, String v1, String k2, String v2) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}

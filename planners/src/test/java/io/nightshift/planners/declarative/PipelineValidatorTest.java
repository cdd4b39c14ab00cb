package io.nightshift.planners.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {
  private static final ToolCatalog TOOLS = new TestCatalog(
      new ToolDescriptor("data.load", "load", List.of(ToolParam.required("source", "where"))),
      new ToolDescriptor("table.filter", "filter", List.of(ToolParam.required("input", "table"),
          ToolParam.optional("where", "condition", "x > 0"))));

  private final DeclarativePlanner planner = new DeclarativePlanner(TOOLS);

  @Test
  void shouldOrderStepsAndAddNeedsImpliedByReferences() {
    Plan plan = plan("""
        name: p
        params: {limit: "5"}
        steps:
          - name: filter
            tool: table.filter
            params: {input: "${steps.load.output}", where: "x < ${params.limit}"}
          - name: load
            tool: data.load
            params: {source: "classpath:a.csv"}
        """, Map.of());

    assertThat(plan.steps()).extracting(s -> s.name()).containsExactly("load", "filter");
    assertThat(plan.step("filter").needs()).containsExactly("load");
    assertThat(plan.step("filter").params()).containsEntry("where", "x < 5")
        .containsEntry("input", "${steps.load.output}");
  }

  @Test
  void shouldApplySuppliedParamsOverDefaults() {
    Plan plan = plan("""
        name: p
        params: {src: "classpath:a.csv"}
        steps:
          - {name: load, tool: data.load, params: {source: "${params.src}"}}
        """, Map.of("src", "classpath:b.csv"));
    assertThat(plan.step("load").params()).containsEntry("source", "classpath:b.csv");
  }

  @Test
  void shouldRejectCycleNamingItsPath() {
    List<PipelineProblem> problems = problems("""
        name: p
        steps:
          - {name: a, tool: data.load, params: {source: x}, needs: [c]}
          - {name: b, tool: data.load, params: {source: x}, needs: [a]}
          - {name: c, tool: data.load, params: {source: x}, needs: [b]}
        """);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("needs");
      assertThat(p.message()).contains("dependency cycle: a -> c -> b -> a");
    });
  }

  @Test
  void shouldRejectUnknownToolListingKnownOnes() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, tool: data.lod, params: {source: x}}
        """)).singleElement().satisfies(p -> {
      assertThat(p.step()).isEqualTo("a");
      assertThat(p.field()).isEqualTo("tool");
      assertThat(p.message()).contains("unknown tool 'data.lod'").contains("data.load, table.filter");
    });
  }

  @Test
  void shouldRejectUnknownStepKind() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: teleport, tool: data.load, params: {source: x}}
        """)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("kind");
      assertThat(p.message()).contains("unknown step kind 'teleport'");
    });
  }

  @Test
  void shouldRejectNeedsAndReferencesToMissingSteps() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, tool: table.filter, params: {input: "${steps.ghost.output}"}, needs: [phantom]}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'a' field 'needs' (line 3): needs unknown step 'phantom'",
            "step 'a' field 'params.input' (line 3): refers to unknown step 'ghost' in ${steps.ghost.output}");
  }

  @Test
  void shouldRejectMissingRequiredToolParameterAndUnknownOne() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, tool: data.load, params: {sauce: x}}
        """)).extracting(PipelineProblem::field).containsExactlyInAnyOrder("params.sauce", "params.source");
  }

  @Test
  void shouldRejectMissingRequiredTaskParameterAndUndeclaredOnes() {
    assertThatThrownBy(() -> plan("""
        name: p
        params: {src: null}
        steps:
          - {name: a, tool: data.load, params: {source: "${params.src}${params.other}"}}
        """, Map.of("extra", "1")))
        .isInstanceOf(InvalidPipelineException.class)
        .satisfies(e -> assertThat(((InvalidPipelineException) e).problems()).extracting(PipelineProblem::field)
            .containsExactlyInAnyOrder("params.extra", "params.src", "params.source"));
  }

  @Test
  void shouldRejectDuplicateStepNames() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, tool: data.load, params: {source: x}}
          - {name: a, tool: data.load, params: {source: y}}
        """)).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("duplicate step name"));
  }

  @Test
  void shouldReportYamlSyntaxErrorWithLine() {
    assertThat(problems("name: p\nsteps:\n  - name: a\n    params: {source: [unclosed\n"))
        .singleElement().satisfies(p -> {
          assertThat(p.message()).startsWith("YAML syntax error");
          assertThat(p.line()).isGreaterThan(0);
        });
  }

  @Test
  void shouldRejectUnknownFieldsAndMissingSteps() {
    assertThat(problems("name: p\nstepz: []\n")).extracting(PipelineProblem::field)
        .containsExactlyInAnyOrder("stepz", "steps");
  }

  @Test
  void shouldRejectMalformedReference() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, tool: data.load, params: {source: "${steps.a}"}}
        """)).singleElement().satisfies(p -> assertThat(p.message()).contains("malformed reference ${steps.a}"));
  }

  private Plan plan(String yaml, Map<String, String> params) {
    return planner.plan(PlanRequest.submitted("", yaml, params));
  }

  private List<PipelineProblem> problems(String yaml) {
    try {
      plan(yaml, Map.of());
    } catch (InvalidPipelineException e) {
      return e.problems();
    }
    throw new AssertionError("expected the pipeline to be rejected");
  }
}

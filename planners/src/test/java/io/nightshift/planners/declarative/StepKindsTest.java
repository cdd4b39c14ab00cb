package io.nightshift.planners.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policies and the map, wait and pipeline step kinds, as written and as refused. */
class StepKindsTest {
  private static final ToolCatalog TOOLS = new TestCatalog(
      new ToolDescriptor("data.load", "load", List.of(ToolParam.required("source", "where"))),
      new ToolDescriptor("chem.dock", "dock", List.of(ToolParam.required("molecules", "set"),
          ToolParam.optional("effort", "fast or standard", "standard"))));

  private static final Map<String, String> LIBRARY = Map.of(
      "child", "name: child\nparams: {src: null}\nsteps:\n  - {name: a, tool: data.load, params: {source: \"${params.src}\"}}\n",
      "broken", "name: broken\nsteps:\n  - {name: a, tool: data.lod}\n",
      "loop", "name: loop\nsteps:\n  - {name: again, kind: pipeline, pipeline: loop}\n");

  private static final PipelineSource PIPELINES = new PipelineSource() {
    @Override
    public Optional<String> yaml(String name) {
      return Optional.ofNullable(LIBRARY.get(name));
    }

    @Override
    public Set<String> names() {
      return LIBRARY.keySet();
    }
  };

  private final DeclarativePlanner planner = new DeclarativePlanner(TOOLS, PIPELINES);

  @Test
  void shouldReadPolicyMapWaitAndPipelineSteps() {
    Plan plan = plan("""
        name: p
        steps:
          - name: load
            tool: data.load
            params: {source: x}
            retry: {max_attempts: 3, initial_interval: 2s, backoff: 1.5, max_interval: 1m, non_retryable: [Bad]}
            timeout: 10m
            heartbeat_timeout: 30s
            continue_on_error: true
          - name: dock
            kind: map
            tool: chem.dock
            over: "${steps.load.output}"
            chunk_size: 4
            max_parallel: 8
            item_param: molecules
            params: {effort: fast}
          - {name: pause, kind: wait, duration: 2h, needs: [dock]}
          - {name: sub, kind: pipeline, pipeline: child, params: {src: "${steps.dock.output}"}, needs: [pause]}
        """);
    PlannedStep load = plan.step("load");
    assertThat(load.policy().maxAttempts()).isEqualTo(3);
    assertThat(load.policy().initialIntervalMillis()).isEqualTo(2_000);
    assertThat(load.policy().backoff()).isEqualTo(1.5);
    assertThat(load.policy().maxIntervalMillis()).isEqualTo(60_000);
    assertThat(load.policy().nonRetryable()).containsExactly("Bad");
    assertThat(load.policy().timeoutMillis()).isEqualTo(600_000);
    assertThat(load.policy().heartbeatTimeoutMillis()).isEqualTo(30_000);
    assertThat(load.policy().continueOnError()).isTrue();

    PlannedStep dock = plan.step("dock");
    assertThat(dock.kind()).isEqualTo(StepKind.MAP);
    assertThat(dock.needs()).containsExactly("load");
    assertThat(dock.map().chunkSize()).isEqualTo(4);
    assertThat(dock.map().maxParallel()).isEqualTo(8);
    assertThat(dock.map().itemParam()).isEqualTo("molecules");

    assertThat(plan.step("pause").waitMillis()).isEqualTo(7_200_000);
    assertThat(plan.step("sub").pipeline().name()).isEqualTo("child");
    assertThat(plan.step("sub").pipeline().yaml()).isEqualTo(LIBRARY.get("child"));
    assertThat(plan.step("sub").needs()).containsExactlyInAnyOrder("pause", "dock");
  }

  @Test
  void shouldRefuseMapWithoutTableOrWithItsItemParamSetByHand() {
    assertThat(problems("""
        name: p
        steps:
          - {name: load, tool: data.load, params: {source: x}}
          - {name: dock, kind: map, tool: chem.dock, item_param: molecules, params: {molecules: y}}
        """)).extracting(PipelineProblem::field).containsExactlyInAnyOrder("over", "params.molecules");
    assertThat(problems("""
        name: p
        steps:
          - {name: load, tool: data.load, params: {source: x}}
          - {name: dock, kind: map, tool: chem.dock, over: "${steps.load.output}", item_param: smiles}
        """)).extracting(PipelineProblem::field).containsExactlyInAnyOrder("item_param", "params.molecules");
  }

  @Test
  void shouldSizeAMapStepsWindowFromATaskParameterAndRefuseABadValueNamingTheField() {
    String yaml = """
        name: p
        params: {max_parallel: "4"}
        steps:
          - {name: load, tool: data.load, params: {source: x}}
          - {name: dock, kind: map, tool: chem.dock, over: "${steps.load.output}", item_param: molecules,
             max_parallel: "${params.max_parallel}"}
        """;
    assertThat(plan(yaml).step("dock").map().maxParallel()).isEqualTo(4);
    assertThat(plan(yaml).step("dock").map().maxParallelRef()).isNull();
    assertThat(planner.plan(PlanRequest.submitted("", yaml, Map.of("max_parallel", "2"))).step("dock").map()
        .maxParallel()).isEqualTo(2);
    for (String bad : List.of("0", "501", "two", "1.5")) {
      assertThatThrownBy(() -> planner.plan(PlanRequest.submitted("", yaml, Map.of("max_parallel", bad))))
          .isInstanceOf(InvalidPipelineException.class)
          .extracting(e -> ((InvalidPipelineException) e).problems().stream().map(PipelineProblem::toString).toList())
          .asList().singleElement().asString().contains("step 'dock'", "max_parallel",
              "${params.max_parallel} must be a whole number from 1 to 500, was '" + bad + "'");
    }
    assertThat(problems(yaml.replace("params.max_parallel", "params.window")))
        .extracting(PipelineProblem::field, PipelineProblem::message)
        .containsExactly(tuple("max_parallel",
            "refers to undeclared task parameter 'window'; declare it under 'params'"));
    assertThat(problems(yaml.replace("\"${params.max_parallel}\"", "\"${params.max_parallel}0\"")))
        .extracting(PipelineProblem::step, PipelineProblem::field, PipelineProblem::message)
        .containsExactly(tuple("dock", "max_parallel", "must be a whole number from 1"
            + " to 500 or one ${params.NAME} reference, was '${params.max_parallel}0'"));
  }

  @Test
  void shouldRefuseFieldsOfAnotherKindBadDurationsAndWaitOutputs() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, tool: data.load, params: {source: x}, duration: 1h, chunk_size: 3}
          - {name: b, kind: wait, duration: soon}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'a' field 'duration' (line 3): only a wait step takes 'duration'",
            "step 'a' field 'chunk_size' (line 3): only a map step takes 'chunk_size'",
            "step 'b' field 'duration' (line 4): must be a positive duration such as 30s, 10m, 2h or 7d, was 'soon'");
    assertThat(problems("""
        name: p
        steps:
          - {name: b, kind: wait}
          - {name: c, tool: data.load, params: {source: "${steps.b.output}"}}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'b' field 'duration' (line 3): a wait step needs a duration such as 1h",
            "step 'c' field 'params.source' (line 4): step 'b' is a wait step and has no output; list it under"
                + " 'needs' instead");
  }

  @Test
  void shouldRefuseUnknownBrokenAndEndlesslyRecursivePipelines() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: pipeline, pipeline: nowhere}
        """)).singleElement().satisfies(p -> assertThat(p.message()).startsWith("unknown pipeline 'nowhere'"));
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: pipeline, pipeline: broken}
        """)).singleElement().satisfies(p -> assertThat(p.message()).contains("in 'broken'")
            .contains("unknown tool 'data.lod'"));
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: pipeline, pipeline: loop}
        """)).singleElement().satisfies(p -> assertThat(p.message()).contains("nest deeper than 4 levels"));
  }

  @Test
  void shouldPlaceAgentStepsOnPoolsButNotWaitSteps() {
    Plan plan = plan("""
        name: p
        steps:
          - {name: ask, kind: agent, model: local, prompt: go, requires: {model: smollm2}}
        """);
    assertThat(plan.steps().get(0).requires().model()).isEqualTo("smollm2");
    assertThat(problems("""
        name: p
        steps:
          - {name: w, kind: wait, duration: 1h, requires: {kind: cpu}}
        """)).extracting(PipelineProblem::toString).containsExactly(
            "step 'w' field 'requires' (line 3): only tool, map and agent steps run on accelerator pools");
  }

  @Test
  void shouldCapAnAgentStepsAnswerLengthAndKeepItThroughParameterSubstitution() {
    Plan plan = plan("""
        name: p
        params: {topic: kinases}
        steps:
          - {name: ask, kind: agent, model: local, prompt: "list ${params.topic}", max_output_tokens: 96}
          - {name: free, kind: agent, model: local, prompt: go}
        """);
    assertThat(plan.steps().get(0).agent().maxOutputTokens()).isEqualTo(96);
    assertThat(plan.steps().get(0).agent().prompt()).isEqualTo("list kinases");
    assertThat(plan.steps().get(1).agent().maxOutputTokens()).isZero();
    assertThat(problems("""
        name: p
        steps:
          - {name: ask, kind: agent, model: local, prompt: go, max_output_tokens: 0}
          - {name: t, tool: table.filter, max_output_tokens: 5}
        """)).extracting(PipelineProblem::toString).anySatisfy(p -> assertThat(p)
            .startsWith("step 'ask' field 'max_output_tokens' (line 3)"))
        .anySatisfy(p -> assertThat(p).contains("only a agent step takes 'max_output_tokens'"));
  }

  @Test
  void shouldRefuseKeysNoToolTakesInToolMapAndAgentStepsNamingTheKeyAndTheTool() {
    assertThat(problems("""
        name: p
        steps:
          - {name: load, tool: data.load, params: {source: x, obabel_path: /bin/sh}}
          - {name: dock, kind: map, tool: chem.dock, over: "${steps.load.output}", item_param: molecules,
             params: {nim_url: "http://10.0.0.5:8000"}}
          - {name: ask, kind: agent, model: local, prompt: go, params: {vina_path: /bin/sh}}
        """)).extracting(PipelineProblem::toString).containsExactly(
            "step 'load' field 'params.obabel_path' (line 3): tool 'data.load' has no parameter 'obabel_path'; it"
                + " takes: source",
            "step 'dock' field 'params.nim_url' (line 4): tool 'chem.dock' has no parameter 'nim_url'; it takes:"
                + " molecules, effort",
            // an agent step's params were read by nothing and passed silently
            "step 'ask' field 'params' (line 6): an agent step takes no params (its tools get theirs from the model,"
                + " checked against each tool's parameters); put what it needs in its prompt");
  }

  @Test
  void shouldRefuseAgentStepsOnAnEndpointTheRuntimeDoesNotHave() {
    DeclarativePlanner checked = planner.withEndpoints(id -> id.equals("local"), "configured: [local]");
    String yaml = """
        name: p
        steps:
          - {name: ok, kind: agent, model: local, prompt: go}
          - {name: lost, kind: agent, model: chemist, prompt: go}
          - {name: placed, kind: agent, model: smollm2, prompt: go, requires: {model: smollm2}}
        """;
    assertThatThrownBy(() -> checked.plan(PlanRequest.submitted("", yaml, Map.of())))
        .isInstanceOf(InvalidPipelineException.class)
        .extracting(e -> ((InvalidPipelineException) e).problems().stream().map(PipelineProblem::toString).toList())
        .asList().containsExactly("step 'lost' field 'model' (line 4): no model endpoint 'chemist' on this runtime; "
            + "configured: [local]");
    assertThat(plan(yaml).steps()).hasSize(3); // without the check (an API process that cannot know) it plans
  }

  private Plan plan(String yaml) {
    return planner.plan(PlanRequest.submitted("", yaml, Map.of()));
  }

  private List<PipelineProblem> problems(String yaml) {
    try {
      plan(yaml);
    } catch (InvalidPipelineException e) {
      return e.problems();
    }
    throw new AssertionError("expected the pipeline to be rejected");
  }
}

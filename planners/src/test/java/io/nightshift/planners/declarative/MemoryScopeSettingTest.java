package io.nightshift.planners.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An agent step's {@code memory_scope}: read, kept through parameter substitution, and refused where it is wrong. */
class MemoryScopeSettingTest {
  private final DeclarativePlanner planner = new DeclarativePlanner(new TestCatalog(
      new ToolDescriptor("data.load", "load", List.of(ToolParam.required("source", "where"))),
      new ToolDescriptor("memory.save", "save", List.of(ToolParam.required("text", "note"))),
      new ToolDescriptor("memory.search", "search", List.of(ToolParam.required("query", "words")))),
      new PipelineSource() {
        @Override
        public Optional<String> yaml(String name) {
          return Optional.empty();
        }

        @Override
        public Set<String> names() {
          return Set.of();
        }
      });

  @Test
  void shouldShareANamedScopeBetweenAgentStepsAndKeepTheirOwnWithoutOne() {
    Plan plan = plan("""
        name: p
        params: {topic: kinases}
        steps:
          - {name: a, kind: agent, model: local, prompt: "find ${params.topic}", tools: [memory.save],
             memory_scope: team}
          - {name: b, kind: agent, model: local, prompt: go, tools: [memory.save, memory.search],
             memory_scope: team}
          - {name: c, kind: agent, model: local, prompt: go, tools: [memory.search]}
        """);
    assertThat(plan.step("a").agent().memoryScope()).contains("team");
    assertThat(plan.step("a").agent().prompt()).isEqualTo("find kinases");
    assertThat(plan.step("b").agent().memoryScope()).contains("team");
    assertThat(plan.step("c").agent().memoryScope()).isEmpty();
  }

  @Test
  void shouldRefuseABadScopeNameAndTheSettingOnOtherStepKindsNamingTheField() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: agent, model: local, prompt: go, tools: [memory.save], memory_scope: "../other task"}
          - {name: d, tool: data.load, params: {source: x}, memory_scope: team}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'a' field 'memory_scope' (line 3): a memory scope is named with 1 to 64 letters, digits, '_' or '-'"
                + " (starting with a letter), was '../other task'",
            "step 'd' field 'memory_scope' (line 4): only a agent step takes 'memory_scope'");
  }

  @Test
  void shouldRefuseASharedScopeWithoutMemoryToolsAndMemoryToolsOutsideAgentSteps() {
    assertThat(problems("""
        name: p
        steps:
          - {name: b, kind: agent, model: local, prompt: go, tools: [data.load], memory_scope: team}
          - {name: c, tool: memory.save, params: {text: hi}}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'b' field 'memory_scope' (line 3): the step shares memory scope 'team' but its tools list neither"
                + " memory.save nor memory.search; add them to 'tools'",
            "step 'c' field 'tool' (line 4): 'memory.save' keeps notes for agents and has no memory scope in a tool"
                + " step; list it in an agent step's 'tools'");
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

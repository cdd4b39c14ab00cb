package io.nightshift.planners.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.ContextSettings.Strategy;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.planner.PlanRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An agent step's {@code context:} block, as written and as refused. */
class AgentContextSettingsTest {
  private static final PipelineSource NO_PIPELINES = new PipelineSource() {
    @Override
    public Optional<String> yaml(String name) {
      return Optional.empty();
    }

    @Override
    public Set<String> names() {
      return Set.of();
    }
  };
  private final DeclarativePlanner planner = new DeclarativePlanner(new TestCatalog(), NO_PIPELINES);

  @Test
  void shouldReadTheContextBlockAndDefaultEveryKeyLeftOut() {
    Plan plan = plan("""
        name: p
        steps:
          - {name: full, kind: agent, model: local, prompt: go,
             context: {strategy: window, keep_last_turns: 6, summary_endpoint: cheap, reserve_tokens: 300}}
          - {name: some, kind: agent, model: local, prompt: go, context: {strategy: fail}}
          - {name: none, kind: agent, model: local, prompt: go}
        """);

    assertThat(plan.steps().get(0).agent().context()).isEqualTo(new ContextSettings(Strategy.WINDOW, 6,
        Optional.of("cheap"), Optional.of(300)));
    assertThat(plan.steps().get(1).agent().context()).isEqualTo(new ContextSettings(Strategy.FAIL,
        ContextSettings.DEFAULT_KEEP_LAST_TURNS, Optional.empty(), Optional.empty()));
    assertThat(plan.steps().get(2).agent().context()).isEqualTo(ContextSettings.DEFAULTS);
    assertThat(ContextSettings.DEFAULTS.strategy()).isEqualTo(Strategy.COMPACT);
    assertThat(ContextSettings.DEFAULTS.reserveOr(512)).isEqualTo(512);
  }

  @Test
  void shouldRefuseUnknownKeysValuesOutOfRangeAndContextOnOtherStepsNamingTheField() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: agent, model: local, prompt: go,
             context: {strategy: forget, keep_last_turns: 0, reserve_tokens: -5, window: 10}}
          - {name: b, kind: agent, model: local, prompt: go, context: compact}
          - {name: c, kind: wait, duration: 1m, context: {strategy: fail}}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'a' field 'context.window' (line 4): unknown key; allowed here: [keep_last_turns, reserve_tokens,"
                + " strategy, summary_endpoint]",
            "step 'a' field 'context.strategy' (line 4): must be one of [compact, window, fail], was 'forget'",
            "step 'a' field 'context.keep_last_turns' (line 4): must be a whole number from 1 to 1000, was '0'",
            "step 'a' field 'context.reserve_tokens' (line 4): must be a whole number from 1 to 1000000, was '-5'",
            "step 'b' field 'context' (line 5): must be a mapping with keys [keep_last_turns, reserve_tokens, strategy,"
                + " summary_endpoint]",
            "step 'c' field 'context' (line 6): only a agent step takes 'context'");
  }

  @Test
  void shouldRefuseASummaryEndpointTheRuntimeDoesNotHave() {
    DeclarativePlanner checked = planner.withEndpoints(id -> id.equals("local"), "configured: [local]");
    String yaml = """
        name: p
        steps:
          - {name: ok, kind: agent, model: local, prompt: go, context: {summary_endpoint: local}}
          - {name: lost, kind: agent, model: local, prompt: go, context: {summary_endpoint: cheap}}
        """;

    assertThatThrownBy(() -> checked.plan(PlanRequest.submitted("", yaml, Map.of())))
        .isInstanceOf(InvalidPipelineException.class)
        .extracting(e -> ((InvalidPipelineException) e).problems().stream().map(PipelineProblem::toString).toList())
        .asList().containsExactly("step 'lost' field 'context.summary_endpoint' (line 4): no model endpoint 'cheap'"
            + " on this runtime; configured: [local]");
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

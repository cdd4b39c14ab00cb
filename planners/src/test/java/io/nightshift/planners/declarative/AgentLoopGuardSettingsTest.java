package io.nightshift.planners.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PipelineSource;
import io.nightshift.core.planner.PlanRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An agent step's {@code loop_guard:} block, as written and as refused (issue 19). */
class AgentLoopGuardSettingsTest {
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
  void shouldReadTheLoopGuardBlockDefaultEveryKeyLeftOutAndTakeZeroAsOff() {
    Plan plan = planner.plan(PlanRequest.submitted("", """
        name: p
        steps:
          - {name: full, kind: agent, model: local, prompt: go,
             loop_guard: {max_repeats: 3, max_consecutive_failures: 7}}
          - {name: some, kind: agent, model: local, prompt: go, loop_guard: {max_repeats: 2}}
          - {name: off, kind: agent, model: local, prompt: go,
             loop_guard: {max_repeats: 0, max_consecutive_failures: 0}}
          - {name: none, kind: agent, model: local, prompt: go}
        """, Map.of()));

    assertThat(plan.steps()).extracting(s -> s.agent().loopGuard()).containsExactly(new LoopGuardSettings(3, 7),
        new LoopGuardSettings(2, LoopGuardSettings.DEFAULTS.maxConsecutiveFailures()), LoopGuardSettings.OFF,
        LoopGuardSettings.DEFAULTS);
    assertThat(LoopGuardSettings.DEFAULTS).as("on by default").isEqualTo(new LoopGuardSettings(5, 5));
  }

  @Test
  void shouldRefuseUnknownKeysValuesOutOfRangeAndALoopGuardOnOtherStepsNamingTheField() {
    assertThat(problems("""
        name: p
        steps:
          - {name: a, kind: agent, model: local, prompt: go,
             loop_guard: {max_repeats: -1, max_consecutive_failures: 1001, strategy: off}}
          - {name: b, kind: agent, model: local, prompt: go, loop_guard: off}
          - {name: c, kind: wait, duration: 1m, loop_guard: {max_repeats: 2}}
        """)).extracting(PipelineProblem::toString).containsExactlyInAnyOrder(
            "step 'a' field 'loop_guard.strategy' (line 4): unknown key; allowed here: [max_consecutive_failures,"
                + " max_repeats]",
            "step 'a' field 'loop_guard.max_repeats' (line 4): must be a whole number from 0 to 1000, was '-1'",
            "step 'a' field 'loop_guard.max_consecutive_failures' (line 4): must be a whole number from 0 to 1000,"
                + " was '1001'",
            "step 'b' field 'loop_guard' (line 5): must be a mapping with keys [max_consecutive_failures,"
                + " max_repeats]",
            "step 'c' field 'loop_guard' (line 6): only a agent step takes 'loop_guard'");
  }

  private List<PipelineProblem> problems(String yaml) {
    try {
      planner.plan(PlanRequest.submitted("", yaml, Map.of()));
    } catch (InvalidPipelineException e) {
      return e.problems();
    }
    throw new AssertionError("expected the pipeline to be rejected");
  }
}

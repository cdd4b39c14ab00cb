package io.nightshift.planners.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import java.util.List;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parser alone: shapes and values, every problem with its step, field and line. */
class PipelineParserTest {
  private final PipelineParser parser = new PipelineParser();

  @Test
  void shouldReportEveryShapeProblemOfEveryStepAtOnceUnderTheStepsName() {
    assertThat(problems("""
        name: p
        descripton: typo
        steps:
          - name: load
            tool: data.load
            retry: {max_attempts: 0, backof: 2}
            continue_on_error: maybe
          - name: ask
            kind: agent
            prompt: go
            budget: {cost: free}
          - [not, a, step]
        """)).extracting(PipelineProblem::toString).containsExactly(
            "pipeline field 'descripton' (line 2): unknown key; allowed here: [description, name, params, placement,"
                + " steps]",
            "step 'load' field 'retry.backof' (line 6): unknown key; allowed here: [backoff, initial_interval,"
                + " max_attempts, max_interval, non_retryable]",
            "step 'load' field 'retry.max_attempts' (line 6): must be a whole number from 1 to 1000, was '0'",
            "step 'load' field 'continue_on_error' (line 7): must be true or false, was 'maybe'",
            "step 'ask' field 'model' (line 8): missing; an agent step names its model endpoint",
            "step 'ask' field 'budget.cost' (line 11): must be a decimal number greater than 0 in plain notation"
                + " (digits and an optional point, at most 10 digits before it and 8 after, e.g. 25 or 0.50), was"
                + " 'free'",
            "step '#3' (line 12): a step must be a mapping");
  }

  @Test
  void shouldReadAnAgentsCostBudgetAsTheApiReadsAMaxCostSoTheWorkflowNeverMeetsOneItCannotRead() {
    String agent = "name: p\nsteps:\n  - {name: ask, kind: agent, model: m, prompt: go, budget: {cost: %s}}\n";
    assertThat(parser.parse(agent.formatted("2.50")).steps().get(0).agent().maxCost()).isEqualTo("2.50");
    // each of these passed the old check (Double.parseDouble) and then failed the agent's workflow on every try
    for (String cost : List.of("0x1p3", "8d", "1e3", "Infinity", "12345678901")) {
      assertThat(problems(agent.formatted(cost))).as(cost).extracting(PipelineProblem::field)
          .containsExactly("budget.cost");
    }
  }

  @Test
  void shouldNameAStepWithoutAUsableNameByItsPosition() {
    assertThat(problems("name: p\nsteps:\n  - {name: 9lives, tool: t}\n")).extracting(PipelineProblem::toString)
        .containsExactly("step '#1' field 'name' (line 3): every step needs a name of letters, digits, '_' or '-'"
            + " (starting with a letter), was 9lives");
  }

  @Test
  void shouldReadPlacementAndRefuseABadOneInsteadOfIgnoringIt() {
    PipelineSpec pinned = parser.parse("name: p\nplacement: {policy: pinned, pool: gpu}\nsteps: [{name: a, tool: t}]\n");
    assertThat(pinned.placement().policy()).isEqualTo("pinned");
    assertThat(pinned.placement().pool()).isEqualTo("gpu");

    assertThat(problems("name: p\nplacement: {policy: nearest}\nsteps: [{name: a, tool: t}]\n"))
        .extracting(PipelineProblem::toString).containsExactly("pipeline field 'placement.policy' (line 2): must be one"
            + " of [cheapest, fastest, lowest_energy, pinned], was 'nearest'");
    assertThat(problems("name: p\nplacement: {policy: pinned}\nsteps: [{name: a, tool: t}]\n"))
        .extracting(PipelineProblem::field).containsExactly("placement.pool");
  }

  @Test
  void shouldReadADeadlineForTheCheapestPolicyAndRefuseOneItCannotRead() {
    PipelineSpec due = parser.parse("name: p\nplacement: {policy: cheapest, deadline: 2026-12-07T08:00Z}\n"
        + "steps: [{name: a, tool: t, requires: {kind: nvidia_gpu, estimate: 2h}}]\n");
    assertThat(due.placement().deadline()).contains(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(due.steps().get(0).requires().estimateSeconds()).isEqualTo(7200);

    assertThat(problems("name: p\nplacement: {policy: cheapest, deadline: friday}\nsteps: [{name: a, tool: t}]\n"))
        .extracting(PipelineProblem::toString).containsExactly("pipeline field 'placement.deadline' (line 2): 'friday'"
            + " is not a time with its offset, such as 2026-12-07T08:00Z");
    assertThat(problems("name: p\nplacement: {policy: fastest, deadline: 2026-12-07T08:00Z}\n"
        + "steps: [{name: a, tool: t}]\n")).extracting(PipelineProblem::field).containsExactly("placement.deadline");
  }

  @Test
  void shouldRefuseEmptyTextAndARootThatIsNotAMapping() {
    assertThat(problems("  \n")).extracting(PipelineProblem::message).containsExactly("pipeline is empty");
    assertThat(problems("- a\n- b\n")).extracting(PipelineProblem::toString)
        .containsExactly("pipeline (line 1): a pipeline must be a YAML mapping with 'name' and 'steps'");
  }

  private List<PipelineProblem> problems(String yaml) {
    Throwable thrown = catchThrowable(() -> parser.parse(yaml));
    assertThat(thrown).isInstanceOf(InvalidPipelineException.class);
    return ((InvalidPipelineException) thrown).problems();
  }
}

package io.nightshift.workflows.task.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentCeilingTest {
  private static PlannedStep agent(String name, long tokens, String cost, long wallClock) {
    return new PlannedStep(name, StepKind.AGENT, null, Map.of(), List.of(), StepPolicy.DEFAULT, null, 0, null, null,
        AgentSettings.builder("llm", "p").tools(List.of("text.upper")).maxTurns(4).budget(tokens, cost, wallClock)
            .build(), false);
  }

  private static final Plan PLAN = new Plan("p", 2, Map.of(), List.of(
      agent("unbounded", 0, null, 0),
      agent("frugal", 500, "0.10", 60_000),
      PlannedStep.tool("tool", "text.emit", Map.of("text", "x"), List.of())), null, "llm:llama");

  @Test
  void shouldBoundEveryAgentStepLeavingLowerOwnBudgetsAndToolSteps() {
    Plan capped = new AgentCeiling(1_000, "0.50", 120_000).cap(PLAN);

    AgentSettings unbounded = capped.step("unbounded").agent();
    assertThat(unbounded.maxTokens()).isEqualTo(1_000);
    assertThat(unbounded.maxCost()).isEqualTo("0.50");
    assertThat(unbounded.wallClockMillis()).isEqualTo(120_000);
    AgentSettings frugal = capped.step("frugal").agent();
    assertThat(frugal.maxTokens()).isEqualTo(500);
    assertThat(frugal.maxCost()).isEqualTo("0.10");
    assertThat(frugal.wallClockMillis()).isEqualTo(60_000);
    assertThat(capped.step("tool")).isEqualTo(PLAN.step("tool"));
    assertThat(capped.version()).isEqualTo(2);
    assertThat(capped.origin()).isEqualTo("llm:llama");
  }

  @Test
  void shouldLeaveDimensionsWithoutACeilingAlone() {
    Plan capped = new AgentCeiling(100, null, 0).cap(PLAN);

    assertThat(capped.step("frugal").agent().maxTokens()).isEqualTo(100);
    assertThat(capped.step("frugal").agent().maxCost()).isEqualTo("0.10");
    assertThat(capped.step("unbounded").agent().maxCost()).isNull();
    assertThat(capped.step("unbounded").agent().wallClockMillis()).isZero();
  }

  @Test
  void shouldRefuseNegativeOrZeroCeilings() {
    assertThatThrownBy(() -> new AgentCeiling(-1, null, 0)).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new AgentCeiling(0, "0", 0)).hasMessageContaining("maxCost must be greater than 0");
  }
}

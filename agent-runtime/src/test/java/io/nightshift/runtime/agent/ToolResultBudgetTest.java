package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.context.PromptMeter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolResultBudgetTest {
  @Test
  void shouldGiveAToolResultAnEighthOfTheWindowAtThreeBytesATokenWithinBounds() {
    assertThat(ToolResultBudget.forWindow(2_048)).isEqualTo(768);
    assertThat(ToolResultBudget.forWindow(4_096)).isEqualTo(1_536);
    assertThat(ToolResultBudget.forWindow(32_768)).isEqualTo(12_288);
    assertThat(ToolResultBudget.forWindow(131_072)).as("one artifact.read page at most").isEqualTo(16_384);
    assertThat(ToolResultBudget.forWindow(512)).as("enough to show both ends").isEqualTo(256);
  }

  @Test
  void shouldSizeTheBudgetFromTheWindowOfTheEndpointThatServedTheTurn() {
    ToolResultBudget budget = ToolResultBudget.shareOfWindow(new Windows(Map.of("small", 2_048, "large", 32_768)));

    assertThat(budget.bytesFor(Optional.of("small"))).isEqualTo(768);
    assertThat(budget.bytesFor(Optional.of("large"))).isEqualTo(12_288);
    assertThat(budget.bytesFor(Optional.empty())).as("a call recorded before it named its endpoint")
        .isEqualTo(ToolResultBudget.DEFAULT_BYTES);
  }

  @Test
  void shouldKeepAFixedBudgetAndRefuseOneTooSmall() {
    assertThat(ToolResultBudget.fixed(4_000).bytesFor(Optional.of("any"))).isEqualTo(4_000);
    assertThatThrownBy(() -> ToolResultBudget.fixed(10))
        .hasMessage("the tool result budget must be at least 256 bytes, was 10");
  }

  /** Windows as servers report them; counts no prompts (the budget needs only the window). */
  private record Windows(Map<String, Integer> byEndpoint) implements PromptMeter {
    @Override
    public int contextWindow(String endpointId) {
      return byEndpoint.get(endpointId);
    }

    @Override
    public int promptTokens(String endpointId, ModelCallRequest request) {
      throw new UnsupportedOperationException("not needed for a tool result budget");
    }
  }
}

package io.nightshift.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.core.pipeline.ContextSettings.Strategy;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models file's context keys: an endpoint's {@code context_window}, the planner's {@code context:} block. */
class ModelsFileContextTest {
  private static final String ENDPOINTS = """
      endpoints:
        - id: local-llama
          base_url: http://127.0.0.1:8080/v1
          model: smollm2
          context_window: 8192
        - id: cheap
          base_url: http://127.0.0.1:8081/v1
          model: tiny
      """;

  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path f = dir.resolve("models.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldReadAnEndpointsContextWindowAndLeaveItEmptyWhenNotSaid() throws Exception {
    List<ModelEndpointConfig> endpoints = ModelsFile.read(file(ENDPOINTS));

    assertThat(endpoints.get(0).contextWindow()).contains(8192);
    assertThat(endpoints.get(1).contextWindow()).isEmpty();
  }

  @Test
  void shouldRefuseAContextWindowTooSmallToBeRealNamingTheKey() throws Exception {
    assertThatThrownBy(() -> ModelsFile.read(file(ENDPOINTS.replace("8192", "4k"))))
        .hasMessageContaining("endpoints[local-llama].context_window (line 5): must be a whole number >= 256, was '4k'");
    assertThatThrownBy(() -> ModelsFile.read(file(ENDPOINTS.replace("8192", "64"))))
        .hasMessageContaining("endpoints[local-llama].context_window (line 5): must be a whole number >= 256");
  }

  @Test
  void shouldReadThePlannersContextBlockForTheAgentStepsItPlans() throws Exception {
    PlannerSettings s = ModelsFile.planner(file(ENDPOINTS + """
        planner:
          endpoint: local-llama
          agent_endpoint: local-llama
          context: {strategy: compact, keep_last_turns: 3, summary_endpoint: cheap, reserve_tokens: 256}
        """)).orElseThrow();

    assertThat(s.agentContext()).isEqualTo(new ContextSettings(Strategy.COMPACT, 3, Optional.of("cheap"),
        Optional.of(256)));
    assertThat(ModelsFile.planner(file(ENDPOINTS + "planner:\n  endpoint: local-llama\n")).orElseThrow()
        .agentContext()).isEqualTo(ContextSettings.DEFAULTS);
  }

  @Test
  void shouldReadThePlannersLoopGuardForTheAgentStepsItPlansAndRefuseABadOneNamingTheKey() throws Exception {
    PlannerSettings s = ModelsFile.planner(file(ENDPOINTS + """
        planner:
          endpoint: local-llama
          agent_endpoint: local-llama
          loop_guard: {max_repeats: 3, max_consecutive_failures: 0}
        """)).orElseThrow();

    assertThat(s.agentLoopGuard()).isEqualTo(new LoopGuardSettings(3, 0));
    assertThat(ModelsFile.planner(file(ENDPOINTS + "planner:\n  endpoint: local-llama\n")).orElseThrow()
        .agentLoopGuard()).isEqualTo(LoopGuardSettings.DEFAULTS);
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS + """
        planner:
          endpoint: local-llama
          loop_guard: {max_repeats: many}
        """)))
        .hasMessageContaining("planner.loop_guard.max_repeats (line 11): must be a whole number from 0 to 1000, "
            + "was 'many'");
  }

  @Test
  void shouldRefuseAPlannerSummaryEndpointThatIsNotInTheFile() throws Exception {
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS + """
        planner:
          endpoint: local-llama
          context: {summary_endpoint: gpt-9, strategy: later}
        """)))
        .hasMessageContaining("planner.context.summary_endpoint (line 11): must name one of the endpoints "
            + "[cheap, local-llama], was 'gpt-9'")
        .hasMessageContaining("planner.context.strategy (line 11): must be one of [compact, window, fail], was 'later'");
  }
}

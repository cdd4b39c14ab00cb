package io.nightshift.planners.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.ContextSettings.Strategy;
import io.nightshift.core.pipeline.LoopGuardSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's {@code context:} and {@code loop_guard:} settings written into the agent steps of its plans. */
class PlanDocumentsContextTest {
  private static final String ANSWER = "{\"steps\": {\"ask\": {\"kind\": \"agent\", \"prompt\": \"go\"}}}";

  @Test
  void shouldWriteThePlannersContextAndLoopGuardIntoEveryAgentStepAndNothingForTheDefaults() throws Exception {
    ContextSettings windowed = new ContextSettings(Strategy.WINDOW, 3, Optional.of("cheap"), Optional.of(200));

    JsonNode step = new ObjectMapper().readTree(PlanDocuments.toPipeline(ANSWER, "goal", Map.of(), "local", 4,
        List.of("text.echo"), windowed, new LoopGuardSettings(3, 0))).path("steps").get(0);
    JsonNode plain = new ObjectMapper().readTree(PlanDocuments.toPipeline(ANSWER, "goal", Map.of(), "local", 4,
        List.of("text.echo"), ContextSettings.DEFAULTS, LoopGuardSettings.DEFAULTS)).path("steps").get(0);

    assertThat(step.path("context").toString()).isEqualTo(
        "{\"strategy\":\"window\",\"keep_last_turns\":3,\"summary_endpoint\":\"cheap\",\"reserve_tokens\":200}");
    assertThat(plain.has("context")).isFalse();
    assertThat(step.path("loop_guard").toString()).isEqualTo("{\"max_repeats\":3,\"max_consecutive_failures\":0}");
    assertThat(plain.has("loop_guard")).isFalse();
  }
}

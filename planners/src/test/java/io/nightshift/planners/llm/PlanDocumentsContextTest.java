package io.nightshift.planners.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.ContextSettings.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's {@code context:} settings written into the agent steps of its plans. */
class PlanDocumentsContextTest {
  private static final String ANSWER = "{\"steps\": {\"ask\": {\"kind\": \"agent\", \"prompt\": \"go\"}}}";

  @Test
  void shouldWriteThePlannersContextIntoEveryAgentStepAndNothingForTheDefaults() throws Exception {
    ContextSettings windowed = new ContextSettings(Strategy.WINDOW, 3, Optional.of("cheap"), Optional.of(200));

    JsonNode step = new ObjectMapper().readTree(PlanDocuments.toPipeline(ANSWER, "goal", Map.of(), "local", 4,
        List.of("text.echo"), windowed)).path("steps").get(0);
    JsonNode plain = new ObjectMapper().readTree(PlanDocuments.toPipeline(ANSWER, "goal", Map.of(), "local", 4,
        List.of("text.echo"), ContextSettings.DEFAULTS)).path("steps").get(0);

    assertThat(step.path("context").toString()).isEqualTo(
        "{\"strategy\":\"window\",\"keep_last_turns\":3,\"summary_endpoint\":\"cheap\",\"reserve_tokens\":200}");
    assertThat(plain.has("context")).isFalse();
  }
}

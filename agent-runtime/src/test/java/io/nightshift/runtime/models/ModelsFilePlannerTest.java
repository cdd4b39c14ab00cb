package io.nightshift.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFilePlannerTest {
  private static final String ENDPOINTS = """
      endpoints:
        - id: local-llama
          base_url: http://127.0.0.1:8080/v1
          model: smollm2
      """;

  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path f = dir.resolve("models.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldReadThePlannerSectionWithItsDefaults() throws Exception {
    PlannerSettings s = ModelsFile.planner(file(ENDPOINTS + "planner:\n  endpoint: local-llama\n")).orElseThrow();

    assertThat(s.endpoint()).isEqualTo("local-llama");
    assertThat(s.agentEndpoint()).isNull();
    assertThat(s.maxRepairs()).isEqualTo(2);
    assertThat(s.tools()).isEmpty();
    assertThat(s.replan()).isEqualTo(PlannerSettings.DEFAULT_REPLAN);
    assertThat(s.agentStepsOnly()).isFalse();
  }

  @Test
  void shouldReadEveryPlannerKey() throws Exception {
    PlannerSettings s = ModelsFile.planner(file(ENDPOINTS + """
        planner:
          endpoint: local-llama
          agent_endpoint: local-llama
          agent_max_turns: 2
          max_repairs: 4
          max_output_tokens: 300
          tools: [data.read_csv, table.describe]
          step_kinds: [agent]
          replan: {max_versions: 5, approval: required}
        """)).orElseThrow();

    assertThat(s.agentEndpoint()).isEqualTo("local-llama");
    assertThat(s.agentMaxTurns()).isEqualTo(2);
    assertThat(s.maxRepairs()).isEqualTo(4);
    assertThat(s.maxOutputTokens()).isEqualTo(300);
    assertThat(s.tools()).containsExactly("data.read_csv", "table.describe");
    assertThat(s.replan()).isEqualTo(new ReplanPolicy(5, true));
    assertThat(s.agentStepsOnly()).isTrue();
  }

  @Test
  void shouldHaveNoPlannerWithoutTheSection() throws Exception {
    assertThat(ModelsFile.planner(file(ENDPOINTS))).isEmpty();
  }

  @Test
  void shouldLeaveTheMcpSectionToItsOwnReader() throws Exception {
    Path f = file(ENDPOINTS + "mcp:\n  - name: calc\n    command: [python3, calc.py]\n");

    assertThat(ModelsFile.read(f)).hasSize(1);
    assertThat(ModelsFile.planner(f)).isEmpty();
  }

  @Test
  void shouldNameFileKeyPathLineAndValueOfABadPlannerSection() throws Exception {
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS + "planner:\n  endpoint: gpt-9\n")))
        .hasMessageEndingWith("models.yaml: planner.endpoint (line 6): must name one of the endpoints [local-llama],"
            + " was 'gpt-9'");
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS + "planner:\n  endpoint: local-llama\n  temp: 1\n")))
        .hasMessageContaining("planner.temp (line 7): unknown key; allowed here: [agent_endpoint, agent_max_turns,");
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS
        + "planner:\n  endpoint: local-llama\n  replan: {max_versions: 0}\n")))
        .hasMessageContaining("planner.replan.max_versions (line 7): must be a whole number from 1 to 20, was '0'");
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS
        + "planner:\n  endpoint: local-llama\n  replan: {approval: maybe}\n")))
        .hasMessageContaining("planner.replan.approval (line 7): must be 'required' or 'none', was 'maybe'");
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS
        + "planner:\n  endpoint: local-llama\n  step_kinds: [agent]\n")))
        .hasMessageContaining("planner.step_kinds (line 7): has agent, which needs 'agent_endpoint'");
    assertThatThrownBy(() -> ModelsFile.planner(file(ENDPOINTS
        + "planner:\n  endpoint: local-llama\n  step_kinds: [map]\n")))
        .hasMessageContaining("planner.step_kinds (line 7): must list tool, agent or both, was [map]");
    assertThatThrownBy(() -> ModelsFile.read(file(ENDPOINTS + "planer:\n  endpoint: local-llama\n")))
        .hasMessageContaining("planer (line 5): unknown key; allowed here: [endpoints, mcp, planner]");
  }

  @Test
  void shouldReportEveryProblemOfEndpointsAndPlannerAtOnceWithTheirLines() throws Exception {
    Path f = file("""
        endpoints:
          - id: local-llama
            base_url: http://127.0.0.1:8080/v1
            model: smollm2
            max_concurrency: 0
            provider: openai
          - id: other
            model: m
        planner:
          endpoint: local-llama
          agent_endpoint: remote
          max_repairs: many
        """);

    assertThatThrownBy(() -> ModelsFile.planner(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("""
            models.yaml: 5 problems:
              endpoints[local-llama].max_concurrency (line 5): must be a whole number >= 1, was '0'
              endpoints[local-llama].provider (line 6): must be one of [openai_compatible, ollama], was 'openai'
              endpoints[other].base_url (line 7): missing; the server's address, e.g. http://127.0.0.1:8080/v1
              planner.agent_endpoint (line 11): must name one of the endpoints [local-llama, other], was 'remote'
              planner.max_repairs (line 12): must be a whole number from 0 to 20, was 'many'""");
    assertThatThrownBy(() -> ModelsFile.read(f)).hasMessageContaining("5 problems");
  }
}

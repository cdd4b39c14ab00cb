package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model-enabled drug-discovery campaign through a real runtime process ({@code --models} naming a real
 * llama.cpp server with SmolLM2-135M as the {@code chemist} endpoint: the {@link SharedLlamaRuntime}, which
 * LlmGoalIT shares), on one round of {@code drug-discovery-agents} (the fixture the pipeline generator writes
 * beside the shipped pipelines): the proposing and the summarising agent steps run on the model, whatever the
 * model answers its proposals are counted (valid + invalid = proposed) and the valid new ones merged, and the
 * report carries the model-written structure-activity summary beside the deterministic one. The model is tiny:
 * this checks plumbing, not prose.
 */
@ExtendWith(SharedLlamaRuntime.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrugDiscoveryAgentsIT {
  private static final Path ONE_ROUND = Path.of("..", "examples", "drug-discovery", "src", "test", "resources",
      "nightshift", "pipelines", "drug-discovery-agents-one-round.yaml");
  private static final Pattern COUNTS = Pattern.compile("model proposals by chemist/(\\S+): (\\d+) proposed:"
      + " (\\d+) valid \\((\\d+) new, (\\d+) duplicate\\), (\\d+) invalid.*");

  private LlamaCppServer model;
  private ApiClient api;

  /** The shared runtime's models file names the llama.cpp server as the {@code chemist} endpoint. */
  @BeforeAll
  void start(LlamaRuntime shared) {
    model = shared.model();
    api = new ApiClient(shared.runtime().channel());
  }

  @Test
  void shouldProposeAnaloguesCountThemAndSummariseTheRoundOnARealModel() throws Exception {
    String id = api.submitYaml(Files.readString(ONE_ROUND), Map.of("model", model.modelName()));
    // each of the two model calls writes up to 512 tokens: seconds on an idle CPU, minutes on a loaded one
    List<Task> events = api.watch(id, Duration.ofMinutes(20));
    Task last = events.get(events.size() - 1);

    assertThat(last.getState()).as("task error: %s", last.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(last.getStepsList()).allSatisfy(s -> assertThat(s.getState()).as(s.getName())
        .isEqualTo(StepState.STEP_STATE_SUCCEEDED));
    for (String agent : List.of("propose1", "sar1")) {
      assertThat(step(last, agent).getSummary()).as(agent).matches("\\d+ turns, 0 tool calls: answered after .*");
    }

    // every proposal counted: valid (new + duplicate) + invalid = proposed, and one record row per proposal
    Matcher counts = COUNTS.matcher(step(last, "proposals1").getSummary());
    assertThat(counts.matches()).as(step(last, "proposals1").getSummary()).isTrue();
    assertThat(counts.group(1)).isEqualTo(model.modelName());
    int proposed = Integer.parseInt(counts.group(2));
    int valid = Integer.parseInt(counts.group(3));
    int accepted = Integer.parseInt(counts.group(4));
    int duplicate = Integer.parseInt(counts.group(5));
    int invalid = Integer.parseInt(counts.group(6));
    assertThat(valid + invalid).isEqualTo(proposed);
    assertThat(accepted + duplicate).isEqualTo(valid);
    Table record = Csv.parse(api.readArtifact(last.getId(), step(last, "proposals1").getOutput().getDigest()));
    assertThat(record.rows()).hasSize(proposed);
    String answer = api.readArtifact(last.getId(), step(last, "propose1").getOutput().getDigest());
    assertThat(step(last, "generate1").getSummary()).contains("plus ").contains(" model-proposed");

    // the report: proposal counts in round 1's statistics, the model's SAR text beside the deterministic summary
    String report = api.readArtifact(last.getId(), last.getResult().getDigest());
    String sar = api.readArtifact(last.getId(), step(last, "sar1").getOutput().getDigest());
    String by = "chemist/" + model.modelName();
    assertThat(report).contains("<h2 id=\"sar\">Round summaries and structure-activity relationships</h2>")
        .contains("<b>Statistical summary</b>").contains("Round 1: ")
        .contains("<b>Structure-activity summary</b> written by " + by)
        .contains("<th>model proposals</th>")
        .contains("<td>" + proposed + "</td><td>" + valid + "</td><td>" + invalid + "</td><td>" + duplicate + "</td>")
        .contains("Model proposals: " + proposed + " proposed: " + valid + " valid")
        .contains("structure-activity summaries: written by " + by);
    String firstLine = sar.strip().lines().findFirst().orElse("");
    if (!firstLine.isEmpty()) {
      assertThat(report).contains(escape(firstLine));
    } else {
      assertThat(report).contains("the model returned an empty answer");
    }
    System.out.printf("[drug-discovery-agents] %s; generate1: %s; answer: %s; SAR: %s%n",
        step(last, "proposals1").getSummary(), step(last, "generate1").getSummary(),
        answer.replace('\n', '|'), sar.replace('\n', '|'));
  }

  private static Step step(Task task, String name) {
    return task.getStepsList().stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + task));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

package io.nightshift.bench.longagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.Compaction;
import io.nightshift.workflows.agent.TranscriptMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the bench reads from a transcript: the forced asks, and the compactions between a save and its search. */
class ModelBehaviourTest {
  private static final ArtifactRef REF = new ArtifactRef("sha256:" + "cd".repeat(32), 1, "text/plain");

  @Test
  void shouldForceTheMemoryToolAtEachAskOfTheSaveAndOfTheSearchOnly() {
    TaskScript script = new TaskScript(3, 15, 20, "HERON-1234", 300);

    assertThat(List.of(3, 4, 5)).allSatisfy(step -> assertThat(script.forcedTool(step)).hasValue("memory.save"));
    assertThat(List.of(15, 16, 17)).allSatisfy(step -> assertThat(script.forcedTool(step)).hasValue("memory.search"));
    assertThat(List.of(1, 2, 6, 14, 18, 20)).allSatisfy(step -> assertThat(script.forcedTool(step)).isEmpty());
  }

  @Test
  void shouldCountTheCompactionsBetweenASaveAndTheSearchThatFoundIt() {
    AgentToolCall save = new AgentToolCall("s", "memory.save", "{\"text\": \"The code word is HERON-1234\"}");
    AgentToolCall search = new AgentToolCall("q", "memory.search", "{\"query\": \"code word\"}");
    Compaction event = new Compaction(REF, REF, 3, 2, 2100, 2048);
    List<TranscriptMessage> transcript = List.of(TranscriptMessage.user("go"),
        TranscriptMessage.compaction("earlier", event),
        TranscriptMessage.assistant(null, List.of(save)), TranscriptMessage.toolResult(save, "ok: saved"),
        TranscriptMessage.compaction("more", event), TranscriptMessage.compaction("still more", event),
        TranscriptMessage.assistant(null, List.of(search)),
        TranscriptMessage.toolResult(search, "ok: 1 note\nThe code word is HERON-1234"));

    ModelBehaviour model = ModelBehaviour.of(transcript);

    assertThat(model.saves()).singleElement().extracting(ModelBehaviour.MemoryCall::compactionsBefore).isEqualTo(1);
    assertThat(model.searches()).singleElement().satisfies(s -> {
      assertThat(s.compactionsBefore()).isEqualTo(3);
      assertThat(s.result()).contains("HERON-1234");
    });
  }
}

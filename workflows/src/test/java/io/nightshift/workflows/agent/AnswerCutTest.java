package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.pipeline.ContextSettings.Strategy;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class AnswerCutTest {
  /** A conservative estimate of the kind the runtime uses: a token for every 3 characters, and 4 per message. */
  private static final ToIntFunction<List<TranscriptMessage>> BY_CHARS = messages -> messages.stream()
      .mapToInt(m -> 4 + length(m.text()) / 3 + m.toolCalls().stream()
          .mapToInt(c -> c.argumentsJson().length() / 3).sum())
      .sum();

  @Test
  void shouldBoundAnAnswerByTwiceTheReserveAtLeast256TokensAndAtMostAQuarterOfTheWindow() {
    assertThat(AnswerCut.boundChars(64, 2_048)).isEqualTo(256 * 3); // max(128, 256) tokens
    assertThat(AnswerCut.boundChars(1_000, 32_768)).isEqualTo(2_000 * 3); // twice the reserve
    assertThat(AnswerCut.boundChars(4_096, 2_048)).isEqualTo(512 * 3); // a quarter of the window
  }

  @Test
  void shouldCutARunawayAnswerInTheViewAndKeepSmallOnesAndTheTranscriptWhole() throws Exception {
    String runaway = "{\"text\":\"" + "a".repeat(4_860) + "\"}";
    List<TranscriptMessage> transcript = List.of(
        TranscriptMessage.system("sys"), TranscriptMessage.user("task"),
        TranscriptMessage.assistant("short thought", List.of(new AgentToolCall("c1", "text.upper", "{\"text\":\"hi\"}"))),
        TranscriptMessage.toolResult(new AgentToolCall("c1", "text.upper", "{}"), "HI"),
        TranscriptMessage.assistant("x".repeat(1_000), List.of(new AgentToolCall("c2", "text.upper", runaway))),
        TranscriptMessage.toolResult(new AgentToolCall("c2", "text.upper", "{}"), "error: too long"));
    List<TranscriptMessage> before = List.copyOf(transcript);

    List<TranscriptMessage> shown = ConversationView.of(transcript, 768).messages();

    assertThat(transcript).isEqualTo(before);
    assertThat(shown.get(2)).isSameAs(transcript.get(2)); // a small answer is shown as it is
    TranscriptMessage cut = shown.get(4);
    assertThat(cut.text()).hasSize(768 + 1 + AnswerCut.marker(1_000).length())
        .endsWith("[... answer cut: 1000 characters; the full answer is in the transcript]");
    AgentToolCall call = cut.toolCalls().get(0);
    assertThat(call.id()).isEqualTo("c2");
    // still a JSON object, as a server that parses the arguments of earlier calls requires
    JsonNode arguments = new ObjectMapper().readTree(call.argumentsJson());
    assertThat(arguments.isObject()).isTrue();
    assertThat(arguments.path("cut_arguments").asText()).startsWith("{\"text\":\"aaa")
        .endsWith("[... answer cut: " + runaway.length() + " characters; the full answer is in the transcript]");
    assertThat(shown.get(5)).isSameAs(transcript.get(5)); // tool results are bounded elsewhere, not here
  }

  @Test
  void shouldLetACompactionKeepTheRunawayLastTurnOnceCut() {
    // the bench's failure: a 2,048-token window, the last answer's arguments ran to 4,874 characters
    List<TranscriptMessage> transcript = new ArrayList<>(List.of(TranscriptMessage.system("s".repeat(600)),
        TranscriptMessage.user("the task")));
    for (int i = 0; i < 3; i++) {
      AgentToolCall call = new AgentToolCall("c" + i, "bench.next_step", "{\"step\":" + i + "}");
      transcript.add(TranscriptMessage.assistant(null, List.of(call)));
      transcript.add(TranscriptMessage.toolResult(call, "step " + i + " done: " + "r".repeat(300)));
    }
    AgentToolCall runaway = new AgentToolCall("c9", "bench.next_step", "{\"note\":\"" + "z".repeat(4_860) + "\"}");
    transcript.add(TranscriptMessage.assistant(null, List.of(runaway)));
    transcript.add(TranscriptMessage.toolResult(runaway, "error: no such argument"));
    ContextPolicy policy = new ContextPolicy(Strategy.COMPACT, 2, 64, true);
    int window = 2_048;
    int summaryTokens = window / 4;

    ApplicationFailure whole = catchThrowableOfType(() -> CompactionPlan.choose(ConversationView.of(transcript),
        policy, window, summaryTokens, "llama", BY_CHARS), ApplicationFailure.class);
    CompactionPlan cut = CompactionPlan.choose(ConversationView.of(transcript, AnswerCut.boundChars(64, window)),
        policy, window, summaryTokens, "llama", BY_CHARS);

    assertThat(whole.getType()).isEqualTo(AgentModelActivities.CONTEXT_TOO_SMALL);
    assertThat(cut.keep()).isPositive();
    assertThat(cut.turns()).isPositive();
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}

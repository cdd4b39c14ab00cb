package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationViewTest {
  private static final ArtifactRef REF = new ArtifactRef("sha256:" + "0".repeat(64), 1, "text/plain");
  private static final TranscriptMessage SYSTEM = TranscriptMessage.system("You are an agent.");
  private static final TranscriptMessage TASK = TranscriptMessage.user("Find the blue ones.");

  /** Turn {@code n}: an answer calling two tools and both results. */
  static List<TranscriptMessage> turn(int n) {
    AgentToolCall a = new AgentToolCall("a" + n, "text.echo", "{\"n\":" + n + "}");
    AgentToolCall b = new AgentToolCall("b" + n, "text.echo", "{}");
    return List.of(TranscriptMessage.assistant("turn " + n, List.of(a, b)), TranscriptMessage.toolResult(a, "r" + n),
        TranscriptMessage.toolResult(b, "s" + n));
  }

  static List<TranscriptMessage> conversation(int turns) {
    List<TranscriptMessage> all = new ArrayList<>(List.of(SYSTEM, TASK));
    for (int n = 1; n <= turns; n++) {
      all.addAll(turn(n));
    }
    return all;
  }

  @Test
  void shouldShowTheWholeTranscriptInOrderWhileNothingWasCompactedOrLeftOut() {
    List<TranscriptMessage> all = conversation(3);
    all.add(3, TranscriptMessage.user(ConversationView.GUIDANCE_PREFIX + "hurry"));

    ConversationView view = ConversationView.of(all);

    assertThat(view.messages()).isEqualTo(all);
    assertThat(view.turnCount()).isEqualTo(3);
  }

  @Test
  void shouldLeaveOutOldestTurnsWholeKeepingPinnedMessagesAndSayingSo() {
    List<TranscriptMessage> all = conversation(4);
    TranscriptMessage guidance = TranscriptMessage.user(ConversationView.GUIDANCE_PREFIX + "hurry");
    all.add(5, guidance); // after turn 1's results

    List<TranscriptMessage> shown = ConversationView.of(all).messages(2);

    assertThat(shown.subList(0, 3)).containsExactly(SYSTEM, TASK, guidance);
    assertThat(shown.get(3).text()).startsWith("[2 earlier turn(s) are not shown");
    assertThat(shown.subList(4, shown.size())).containsExactlyElementsOf(concat(turn(3), turn(4)));
  }

  @Test
  void shouldNeverLeaveOutTheLastTurn() {
    List<TranscriptMessage> shown = ConversationView.of(conversation(3)).messages(10);

    assertThat(shown).endsWith(turn(3).toArray(TranscriptMessage[]::new));
    assertThat(shown).doesNotContainAnyElementsOf(turn(2));
  }

  @Test
  void shouldSummariseEverythingButTheLastTurnsKeepingToolCallsWithTheirResults() {
    ConversationView view = ConversationView.of(conversation(5));

    assertThat(view.compactionEnd(2)).isEqualTo(2 + 3 * 3); // the first message of turn 4
    assertThat(view.toSummarise(2)).containsExactlyElementsOf(concat(turn(1), turn(2), turn(3)));
    assertThat(view.turnsBefore(2)).isEqualTo(3);
    assertThatThrownBy(() -> view.compactionEnd(5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldShowTheLatestSummaryInPlaceOfTheTurnsItCoversAndOnlyTheTurnsAfterIt() {
    List<TranscriptMessage> all = conversation(5);
    TranscriptMessage guidance = TranscriptMessage.user(ConversationView.GUIDANCE_PREFIX + "hurry");
    all.add(5, guidance); // inside the compacted part: still shown
    int upTo = 3 + 3 * 3; // turn 4 starts here
    TranscriptMessage summary = TranscriptMessage.compaction("turns 1-3 found two blue ones",
        new Compaction(REF, REF, upTo, 3, 900, 800));
    all.add(summary);
    all.addAll(turn(6));

    ConversationView view = ConversationView.of(all);

    assertThat(view.turnCount()).isEqualTo(3);
    assertThat(view.summary()).contains(summary);
    assertThat(view.messages()).containsExactlyElementsOf(concat(List.of(SYSTEM, TASK, guidance, summary), turn(4),
        turn(5), turn(6)));
    // a second compaction summarises the first summary with the turns after it, and its new summary replaces the first
    assertThat(view.toSummarise(1)).containsExactlyElementsOf(concat(List.of(summary), turn(4), turn(5)));
    assertThat(view.pinnedAndLast(1)).containsExactlyElementsOf(concat(List.of(SYSTEM, TASK, guidance), turn(6)));
  }

  @SafeVarargs
  private static List<TranscriptMessage> concat(List<TranscriptMessage>... parts) {
    List<TranscriptMessage> out = new ArrayList<>();
    for (List<TranscriptMessage> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}

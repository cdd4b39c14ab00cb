package io.nightshift.workflows.agent;

import static io.nightshift.workflows.agent.ConversationViewTest.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightshift.core.pipeline.ContextSettings.Strategy;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ContextFitTest {
  /** 10 tokens a message: easy sums. The test conversations have 2 pinned messages and 3 messages a turn. */
  private static final ToIntFunction<List<TranscriptMessage>> TEN_EACH = messages -> 10 * messages.size();

  private static ContextPolicy policy(Strategy strategy, int reserve) {
    return new ContextPolicy(strategy, 2, reserve, true);
  }

  @Test
  void shouldSendTheWholeViewWhenPromptAndReserveFitExactly() {
    ConversationView view = ConversationView.of(conversation(3)); // 11 messages: 110 tokens

    ContextFit.Choice choice = ContextFit.choose(view, policy(Strategy.FAIL, 90), 200, "e", TEN_EACH);

    assertThat(choice).isEqualTo(new ContextFit.Send(view.messages(), 110, 0));
  }

  @Test
  void shouldCountTheReserveForTheAnswerAgainstTheWindow() {
    ConversationView view = ConversationView.of(conversation(3));

    ContextFit.Choice choice = ContextFit.choose(view, policy(Strategy.FAIL, 91), 200, "e", TEN_EACH);

    assertThat(choice).isInstanceOf(ContextFit.TooSmall.class);
    assertThat(((ContextFit.TooSmall) choice).reason()).contains("110 prompt tokens", "91 kept for the answer", "201",
        "context window of 200 tokens", "endpoint 'e'", "'fail'");
  }

  @Test
  void shouldAskForACompactionOnlyOncePerTurnAndWindowAfterIt() {
    ConversationView view = ConversationView.of(conversation(6)); // 20 messages: 200 tokens

    assertThat(ContextFit.choose(view, policy(Strategy.COMPACT, 50), 200, "e", TEN_EACH))
        .isEqualTo(new ContextFit.Compact(200));
    ContextFit.Choice after = ContextFit.choose(view, policy(Strategy.COMPACT, 50).afterCompaction(), 200, "e",
        TEN_EACH);
    // 150 tokens of room: 2 pinned + the note (30) + 4 turns of 30 = 150, so the 2 oldest are left out
    assertThat(after).isInstanceOf(ContextFit.Send.class);
    assertThat(((ContextFit.Send) after).turnsLeftOut()).isEqualTo(2);
  }

  @Test
  void shouldLeaveOutTheFewestOldestTurnsThatMakeItFitAskingTheMeterOnlyLogTimes() {
    ConversationView view = ConversationView.of(conversation(200)); // 602 messages
    AtomicInteger measured = new AtomicInteger();
    ToIntFunction<List<TranscriptMessage>> counting = m -> {
      measured.incrementAndGet();
      return TEN_EACH.applyAsInt(m);
    };

    ContextFit.Send send = (ContextFit.Send) ContextFit.choose(view, policy(Strategy.WINDOW, 100), 1_000, "e",
        counting);

    // 2 pinned + the note = 30 tokens, + 100 reserved: 870 left for turns of 30, so 29 turns are shown
    assertThat(send.turnsLeftOut()).isEqualTo(171);
    assertThat(send.promptTokens()).isEqualTo(30 + 29 * 30);
    assertThat(send.messages()).endsWith(ConversationViewTest.turn(200).toArray(TranscriptMessage[]::new));
    assertThat(measured.get()).isLessThanOrEqualTo(12);
  }

  @Test
  void shouldRefuseWhenEvenTheLastTurnAloneDoesNotFit() {
    ConversationView view = ConversationView.of(conversation(3));

    ContextFit.Choice choice = ContextFit.choose(view, policy(Strategy.WINDOW, 100), 150, "e", TEN_EACH);

    assertThat(((ContextFit.TooSmall) choice).reason()).contains("the last turn alone take 60 prompt tokens",
        "100 kept for the answer", "context window of 150 tokens");
  }

  @Test
  void shouldKeepTheConfiguredLastTurnsWhenTheyFitWithTheSummary() {
    ConversationView view = ConversationView.of(conversation(6));

    CompactionPlan plan = CompactionPlan.choose(view, policy(Strategy.COMPACT, 50), 400, 40, "e", TEN_EACH);

    assertThat(plan.keep()).isEqualTo(2);
    assertThat(plan.turns()).isEqualTo(4);
    assertThat(plan.upTo()).isEqualTo(2 + 4 * 3);
    assertThat(plan.toSummarise()).hasSize(12);
  }

  @Test
  void shouldKeepFewerTurnsDownToOneWhenTheConfiguredOnesWouldNotFit() {
    ConversationView view = ConversationView.of(conversation(6));

    // pinned 20 + one turn 30 + summary 40 + reserve 50 = 140; two turns would be 170
    CompactionPlan plan = CompactionPlan.choose(view, policy(Strategy.COMPACT, 50), 160, 40, "e", TEN_EACH);

    assertThat(plan.keep()).isEqualTo(1);
    assertThat(plan.turns()).isEqualTo(5);
  }

  @Test
  void shouldFailForGoodNamingTheNumbersWhenEvenOneKeptTurnWouldNotFit() {
    ConversationView view = ConversationView.of(conversation(6));

    ApplicationFailure failure = catchThrowableOfType(() -> CompactionPlan.choose(view,
        policy(Strategy.COMPACT, 50), 120, 40, "e", TEN_EACH), ApplicationFailure.class);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(AgentModelActivities.CONTEXT_TOO_SMALL);
    assertThat(failure.getOriginalMessage()).contains("50 prompt tokens", "50 kept for the answer",
        "context window of 120 tokens", "40 are kept for the summary");
  }
}

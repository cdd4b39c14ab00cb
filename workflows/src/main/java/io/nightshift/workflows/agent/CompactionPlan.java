package io.nightshift.workflows.agent;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which turns a compaction summarises: all turns before the last {@code keep}, where {@code keep} is the step's
 * {@code keep_last_turns}, or fewer (down to one) when the pinned messages, that many turns, the summary and the answer
 * would not fit the window together. Activity code (pure; the caller measures).
 *
 * @param keep        turns kept verbatim
 * @param upTo        the transcript index where the kept turns start (see {@link Compaction#upTo})
 * @param turns       turns summarised
 * @param toSummarise the earlier summary, if any, and the messages of the summarised turns
 */
public record CompactionPlan(int keep, int upTo, int turns, List<TranscriptMessage> toSummarise) {
  public CompactionPlan {
    toSummarise = List.copyOf(toSummarise);
  }

  /**
   * @param summaryTokens the longest summary asked for
   * @throws ApplicationFailure non-retryable ({@link AgentModelActivities#CONTEXT_TOO_SMALL}) when there is nothing
   *     to summarise or even one kept turn would not fit: no retry and no further compaction can help
   */
  public static CompactionPlan choose(ConversationView view, ContextPolicy policy, int window, int summaryTokens,
      String endpoint, ToIntFunction<List<TranscriptMessage>> meter) {
    if (view.turnCount() < 2) {
      throw tooSmall("the conversation has " + view.turnCount() + " turn(s) since its last compaction, nothing to "
          + "compact, and it does not fit the context window of " + window + " tokens of endpoint '" + endpoint + "'");
    }
    int low = 1;
    int high = Math.min(policy.keepLastTurns(), view.turnCount() - 1);
    int lastOnly = meter.applyAsInt(view.pinnedAndLast(1));
    if (!ContextFit.fits(lastOnly + (long) summaryTokens, policy.reserveTokens(), window)) {
      throw tooSmall(ContextFit.tooBig("after compaction, the pinned messages (system prompt, task, guidance) and "
          + "the last turn alone would take", lastOnly, policy, window, endpoint) + ", and " + summaryTokens
          + " are kept for the summary");
    }
    // the most turns kept that fit: bisection, since a meter may ask the server
    while (low < high) {
      int mid = (low + high + 1) / 2;
      int tokens = meter.applyAsInt(view.pinnedAndLast(mid));
      if (ContextFit.fits(tokens + (long) summaryTokens, policy.reserveTokens(), window)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return new CompactionPlan(low, view.compactionEnd(low), view.turnsBefore(low), view.toSummarise(low));
  }

  /** The non-retryable failure of a conversation that cannot be made to fit, with {@code reason} naming the numbers. */
  public static ApplicationFailure tooSmall(String reason) {
    return ApplicationFailure.newNonRetryableFailure("context window too small: " + reason,
        AgentModelActivities.CONTEXT_TOO_SMALL);
  }
}

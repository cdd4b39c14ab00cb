package io.nightshift.workflows.agent;

import io.nightshift.core.pipeline.ContextSettings.Strategy;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Decides what one model call sends, so that its prompt plus the room kept for the answer fits the endpoint's context
 * window: the whole view when it fits; else, by the step's strategy, a compaction first, the view without its oldest
 * turns, or a clear refusal. Pure: the caller measures (the runtime with a prompt meter, tests with their own).
 */
public final class ContextFit {
  /** What to do. */
  public sealed interface Choice {}

  /** Send {@code messages}, which take {@code promptTokens}, leaving out {@code turnsLeftOut} turns. */
  public record Send(List<TranscriptMessage> messages, int promptTokens, int turnsLeftOut) implements Choice {}

  /** Compact before calling: the whole view takes {@code promptTokens}. */
  public record Compact(int promptTokens) implements Choice {}

  /** Nothing that may be sent fits: {@code reason} names the numbers. */
  public record TooSmall(String reason) implements Choice {}

  private ContextFit() {}

  /** Whether a prompt of {@code promptTokens} and an answer of {@code reserve} fit in {@code window}. */
  public static boolean fits(long promptTokens, int reserve, int window) {
    return promptTokens + reserve <= window;
  }

  /**
   * @param endpoint for the messages only
   * @param meter    the prompt tokens of a list of messages (with the call's tools)
   */
  public static Choice choose(ConversationView view, ContextPolicy policy, int window, String endpoint,
      ToIntFunction<List<TranscriptMessage>> meter) {
    List<TranscriptMessage> whole = view.messages();
    int tokens = meter.applyAsInt(whole);
    if (fits(tokens, policy.reserveTokens(), window)) {
      return new Send(whole, tokens, 0);
    }
    if (policy.strategy() == Strategy.FAIL) {
      return new TooSmall(tooBig("the conversation takes", tokens, policy, window, endpoint)
          + " (context strategy 'fail'; 'compact' or 'window' would keep it going)");
    }
    if (policy.strategy() == Strategy.COMPACT && policy.mayCompact() && view.turnCount() > 1) {
      return new Compact(tokens);
    }
    return leaveOutOldest(view, policy, window, endpoint, meter);
  }

  /**
   * The fewest oldest turns left out so the rest fits, found by bisection: a meter may ask the server, and a
   * conversation of days has hundreds of turns.
   */
  private static Choice leaveOutOldest(ConversationView view, ContextPolicy policy, int window, String endpoint,
      ToIntFunction<List<TranscriptMessage>> meter) {
    int most = Math.max(0, view.turnCount() - 1);
    List<TranscriptMessage> lastOnly = view.messages(most);
    int lastOnlyTokens = meter.applyAsInt(lastOnly);
    if (!fits(lastOnlyTokens, policy.reserveTokens(), window)) {
      return new TooSmall(tooBig("even the pinned messages (system prompt, task, guidance, summary) and the last "
          + "turn alone take", lastOnlyTokens, policy, window, endpoint));
    }
    int low = 1;
    int high = most;
    Send best = new Send(lastOnly, lastOnlyTokens, most);
    while (low < high) {
      int mid = (low + high) / 2;
      List<TranscriptMessage> messages = view.messages(mid);
      int tokens = meter.applyAsInt(messages);
      if (fits(tokens, policy.reserveTokens(), window)) {
        best = new Send(messages, tokens, mid);
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return best; // its turnsLeftOut is always 'high', which met 'low'
  }

  static String tooBig(String what, int tokens, ContextPolicy policy, int window, String endpoint) {
    return what + " " + tokens + " prompt tokens; with " + policy.reserveTokens() + " kept for the answer that is "
        + (tokens + policy.reserveTokens()) + ", over the context window of " + window + " tokens of endpoint '"
        + endpoint + "'";
  }
}

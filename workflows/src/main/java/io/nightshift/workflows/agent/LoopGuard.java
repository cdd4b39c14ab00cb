package io.nightshift.workflows.agent;

import io.nightshift.core.pipeline.LoopGuardSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Notices an agent stuck on a tool, from the calls and results the workflow recorded (plain Java, deterministic:
 * it decides when the workflow stops, so it runs in workflow code over what replay gives back). Two loops:
 * <ul>
 *   <li>the same call (tool and canonical arguments) returning the same result again and again: from the second
 *   such result on, the result tells the model so; once {@code max_repeats} results in a row were the same, the
 *   model asking for that call again ends the step (the call is not run);</li>
 *   <li>one tool failing again and again (refusals included, whatever the arguments): from the second failure in a
 *   row on, the result says so; the {@code max_consecutive_failures}-th ends the step.</li>
 * </ul>
 * A bound of 0 switches its loop's counting, notes and stop off.
 */
final class LoopGuard {
  /** Failure type of a step the guard ended: a person must look at the prompt, the tools or the model. */
  static final String LOOP_DETECTED = "AgentLoopDetected";
  static final String NOTE_PREFIX = "[loop guard] ";
  private static final int MAX_QUOTED_CHARS = 200;

  private final LoopGuardSettings settings;
  private String lastCall;
  private String lastResult;
  private int repeats;
  private final Map<String, Integer> failures;

  LoopGuard(LoopGuardSettings settings, LoopGuardState state) {
    this.settings = settings;
    this.lastCall = state.lastCall();
    this.lastResult = state.lastResult();
    this.repeats = state.repeats();
    this.failures = new TreeMap<>(state.failures());
  }

  /** What a call's result was, as the guard needs it. */
  record Outcome(boolean ok, Optional<String> resultDigest) {}

  /** After a recorded call: the note to add to its result, and the reason to end the step, if any. */
  record Verdict(Optional<String> note, Optional<String> stop) {
    static final Verdict NONE = new Verdict(Optional.empty(), Optional.empty());
  }

  /**
   * Before a turn's calls run: why the step must end instead, if one of them (in the model's order) asks again for
   * a call whose last {@code max_repeats} results were the same. A repeat within the turn counts as if it returned
   * the same result again.
   */
  Optional<String> refusal(List<AgentToolCall> calls) {
    if (settings.maxRepeats() == 0) {
      return Optional.empty();
    }
    String key = lastCall;
    int count = repeats;
    for (AgentToolCall call : calls) {
      String next = ToolCallKey.of(call);
      if (next.equals(key) && count >= settings.maxRepeats()) {
        return Optional.of("loop guard: the model asked again for tool '" + call.name() + "' with the same "
            + "arguments after " + count + " calls in a row that returned the same result (max_repeats: "
            + settings.maxRepeats() + "); the call was not run: " + cut(call.argumentsJson()));
      }
      count = next.equals(key) ? count + 1 : 1;
      key = next;
    }
    return Optional.empty();
  }

  /** Counts a call that was made (or refused), in the model's order, and says what to tell the model. */
  Verdict record(AgentToolCall call, Outcome outcome, String summary) {
    String key = ToolCallKey.of(call);
    // a result nobody can compare (a tool activity from before results had digests) never counts as the same one
    boolean same = key.equals(lastCall) && outcome.resultDigest().isPresent()
        && outcome.resultDigest().get().equals(lastResult);
    repeats = same ? repeats + 1 : 1;
    lastCall = key;
    lastResult = outcome.resultDigest().orElse(null);
    int failed = outcome.ok() ? 0 : failures.getOrDefault(call.name(), 0) + 1;
    if (failed == 0) {
      failures.remove(call.name());
    } else {
      failures.put(call.name(), failed);
      forgetOldest();
    }
    List<String> notes = new ArrayList<>();
    if (settings.maxRepeats() > 0 && repeats >= 2) {
      notes.add("This exact call (tool " + call.name() + ", the same arguments) has now been made " + repeats
          + " times in a row and returned the same result each time. Asking for it again after "
          + settings.maxRepeats() + " such results ends this step (max_repeats: " + settings.maxRepeats()
          + "): try something else.");
    }
    if (settings.maxConsecutiveFailures() > 0 && failed >= settings.maxConsecutiveFailures()) {
      return new Verdict(Optional.empty(), Optional.of("loop guard: tool '" + call.name() + "' failed " + failed
          + " times in a row (max_consecutive_failures: " + settings.maxConsecutiveFailures() + "); its last result: "
          + cut(summary)));
    }
    if (settings.maxConsecutiveFailures() > 0 && failed >= 2) {
      notes.add("Tool " + call.name() + " has now failed " + failed + " times in a row. After "
          + settings.maxConsecutiveFailures() + " failures in a row this step ends (max_consecutive_failures: "
          + settings.maxConsecutiveFailures() + "): fix the call or use another tool.");
    }
    return notes.isEmpty() ? Verdict.NONE
        : new Verdict(Optional.of(NOTE_PREFIX + String.join(" ", notes)), Optional.empty());
  }

  /** A quoted text (arguments, a result's first line) held to a line an operator can read. */
  private static String cut(String text) {
    return text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + " [cut]" : text;
  }

  LoopGuardState state() {
    return new LoopGuardState(lastCall, lastResult, repeats, failures);
  }

  /** Keeps the failure counts bounded: drops the smallest streak (then the first name) past the limit. */
  private void forgetOldest() {
    while (failures.size() > LoopGuardState.MAX_TOOLS_REMEMBERED) {
      String least = failures.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      failures.remove(least);
    }
  }
}

package io.nightshift.workflows.agent;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the loop guard has counted so far, carried across a continue-as-new (and a resumption) so that a loop is
 * not forgiven by a fresh run. Digests only ({@link ToolCallKey}): a few dozen bytes whatever the calls were.
 *
 * @param lastCall   the identity of the last call recorded; null before the first
 * @param lastResult the identity of that call's result
 * @param repeats    how many calls in a row, up to the last, were that call and returned that result
 * @param failures   failed calls in a row, by tool name (a tool's success removes it)
 */
public record LoopGuardState(String lastCall, String lastResult, int repeats, Map<String, Integer> failures) {
  /** Most tools whose failures are remembered: a model inventing tool names cannot grow the state without bound. */
  static final int MAX_TOOLS_REMEMBERED = 64;
  public static final LoopGuardState EMPTY = new LoopGuardState(null, null, 0, Map.of());

  public LoopGuardState {
    // sorted, so that the state (and a continue-as-new's input) reads the same on every replay
    failures = failures == null ? Map.of() : new TreeMap<>(failures);
  }
}

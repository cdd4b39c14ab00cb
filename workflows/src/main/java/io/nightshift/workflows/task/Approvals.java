package io.nightshift.workflows.task;

import io.nightshift.workflows.task.control.Decision;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Steps waiting for a person, and the decisions made. Workflow-side state: a step's workflow thread blocks in
 * {@link #await} until a decision for it arrives (the submitDecision update, or the decide signal that tasks
 * recorded before the update received); every decision is kept for the task's record.
 */
final class Approvals {
  private final Map<String, String> waiting = new LinkedHashMap<>();
  private final Map<String, Decision> delivered = new HashMap<>();
  private final List<Decision> record = new ArrayList<>();
  /** Told when a step starts or stops waiting, so the task can show it in its listed state. */
  private Runnable onWaitingChanged = () -> {};

  void onWaitingChanged(Runnable listener) {
    this.onWaitingChanged = listener;
  }

  /**
   * Blocks the calling workflow thread until someone decides on {@code step}, or until {@code moot} holds (what the
   * step waits for was settled another way): empty then, and the step no longer shows as waiting.
   */
  Optional<Decision> await(String step, String why, BooleanSupplier moot) {
    waiting.put(step, why);
    onWaitingChanged.run();
    Workflow.await(() -> delivered.containsKey(step) || moot.getAsBoolean());
    waiting.remove(step);
    onWaitingChanged.run();
    return Optional.ofNullable(delivered.remove(step));
  }

  /** Whether {@code step} waits for a decision that has not arrived yet. */
  boolean waitsFor(String step) {
    return waiting.containsKey(step) && !delivered.containsKey(step);
  }

  /** Hands a decision to the waiting step; false (and nothing recorded) when that step waits for none. */
  boolean deliver(Decision d) {
    if (d == null || !waitsFor(d.step())) {
      return false;
    }
    delivered.put(d.step(), d);
    record.add(d);
    return true;
  }

  Map<String, String> waiting() {
    return new LinkedHashMap<>(waiting);
  }

  List<Decision> decisions() {
    return List.copyOf(record);
  }
}

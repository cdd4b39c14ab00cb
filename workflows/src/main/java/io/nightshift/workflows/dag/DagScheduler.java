package io.nightshift.workflows.dag;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which steps of a DAG may start. Plain deterministic Java (no Temporal, no clocks, no I/O) so the
 * workflow can call it freely and it can be tested on its own. Iteration order is the plan's order, which makes
 * every decision reproducible on replay.
 */
public final class DagScheduler {
  private final Map<String, List<String>> needs = new LinkedHashMap<>();
  private final Map<String, StepState> states = new LinkedHashMap<>();

  /** @param dependencies step name to the names it needs, in plan order; every need must be a key */
  public DagScheduler(Map<String, List<String>> dependencies) {
    dependencies.forEach((step, deps) -> {
      for (String d : deps) {
        if (!dependencies.containsKey(d)) {
          throw new IllegalArgumentException("step '" + step + "' needs unknown step '" + d + "'");
        }
      }
      needs.put(step, List.copyOf(deps));
      states.put(step, StepState.PENDING);
    });
  }

  /**
   * Resumes a scheduler from a snapshot taken by {@link #states()} (after continue-as-new). Steps that were running
   * when the snapshot was taken cannot be resumed in flight, so the workflow drains them first; any still marked
   * running here is treated as pending and runs again.
   */
  public DagScheduler(Map<String, List<String>> dependencies, Map<String, StepState> snapshot) {
    this(dependencies);
    snapshot.forEach((step, state) -> {
      if (states.containsKey(step)) {
        states.put(step, state == StepState.RUNNING ? StepState.PENDING : state);
      }
    });
  }

  /** A copy of every step's state, in plan order. */
  public Map<String, StepState> states() {
    return new LinkedHashMap<>(states);
  }

  /** Pending steps whose every dependency succeeded, in plan order. */
  public List<String> ready() {
    List<String> out = new ArrayList<>();
    states.forEach((step, state) -> {
      if (state == StepState.PENDING && needs.get(step).stream().allMatch(d -> states.get(d) == StepState.SUCCEEDED)) {
        out.add(step);
      }
    });
    return out;
  }

  public void started(String step) {
    transition(step, StepState.PENDING, StepState.RUNNING);
  }

  public void succeeded(String step) {
    transition(step, StepState.RUNNING, StepState.SUCCEEDED);
  }

  /** Marks the step failed and every step that (transitively) needs it skipped. */
  public void failed(String step) {
    transition(step, StepState.RUNNING, StepState.FAILED);
    skipDependentsOf(step);
  }

  /** Stops the rest: pending steps become skipped (or cancelled), running ones cancelled when asked. */
  public void stopRemaining(StepState pendingBecome, boolean cancelRunning) {
    states.replaceAll((step, state) -> {
      if (state == StepState.PENDING) {
        return pendingBecome;
      }
      return cancelRunning && state == StepState.RUNNING ? StepState.CANCELLED : state;
    });
  }

  public StepState state(String step) {
    StepState s = states.get(step);
    if (s == null) {
      throw new IllegalArgumentException("unknown step '" + step + "'");
    }
    return s;
  }

  public boolean isFinished() {
    return states.values().stream().allMatch(StepState::isFinal);
  }

  public boolean anyRunning() {
    return states.containsValue(StepState.RUNNING);
  }

  public Map<StepState, Integer> counts() {
    Map<StepState, Integer> counts = new EnumMap<>(StepState.class);
    for (StepState s : StepState.values()) {
      counts.put(s, 0);
    }
    states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  private void skipDependentsOf(String failed) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, StepState> e : states.entrySet()) {
        if (e.getValue() == StepState.PENDING && needs.get(e.getKey()).stream()
            .anyMatch(d -> states.get(d) == StepState.FAILED || states.get(d) == StepState.SKIPPED)) {
          e.setValue(StepState.SKIPPED);
          changed = true;
        }
      }
    }
  }

  private void transition(String step, StepState from, StepState to) {
    StepState current = state(step);
    if (current != from) {
      throw new IllegalStateException("step '" + step + "' is " + current + ", cannot become " + to);
    }
    states.put(step, to);
  }
}

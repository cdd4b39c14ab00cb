package io.nightshift.bench.longagent;

import io.nightshift.workflows.agent.AgentCompactionActivities;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.CompactionInput;
import io.nightshift.workflows.agent.CompactionOutput;
import io.nightshift.workflows.agent.ContextUse;
import io.nightshift.workflows.agent.ModelTurnInput;
import io.nightshift.workflows.agent.ModelTurnOutput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the agent's real activities did, seen from outside them: each model call (the prompt as the runtime measured
 * it against the window, and as the server counted it in its usage) and each compaction. The activities are
 * wrapped, not changed, so the figures are those of the code every agent runs.
 */
final class CallLog {
  /**
   * One model activity call.
   *
   * @param turn          the agent's model call (1-based)
   * @param measured      the prompt's tokens as the runtime measured them before the call; -1 when unmeasured
   * @param window        the endpoint's window the runtime measured against
   * @param served        the prompt's tokens as the server reported in its usage (0 when the call was not made)
   * @param answered      the answer's tokens as the server reported
   * @param overflowed    true when no call was made: the conversation had to be compacted first
   * @param millis        the activity's wall time
   */
  record ModelCallRecord(int turn, int measured, int window, long served, long answered, boolean overflowed,
      long millis) {}

  /** One compaction: its summary call's tokens as the server reported, and the turns it summarised. */
  record CompactionRecord(int turn, int turns, long summaryPromptTokens, long summaryTokens, long millis) {}

  private final List<ModelCallRecord> calls = new CopyOnWriteArrayList<>();
  private final List<CompactionRecord> compactions = new CopyOnWriteArrayList<>();
  private final List<String> failedCalls = new CopyOnWriteArrayList<>();

  /** The real model activities, each call recorded (a class, not a lambda: Temporal reads its interfaces). */
  AgentModelActivities observe(AgentModelActivities real) {
    return new ObservedModelCalls(real);
  }

  AgentCompactionActivities observe(AgentCompactionActivities real) {
    return new ObservedCompactions(real);
  }

  /** The calls made (not those that overflowed and were compacted first). */
  List<ModelCallRecord> madeCalls() {
    return calls.stream().filter(c -> !c.overflowed()).toList();
  }

  /** Model calls that failed (the server refused them, or they could not be made), with why. */
  List<String> failedCalls() {
    return List.copyOf(failedCalls);
  }

  List<CompactionRecord> compactions() {
    return List.copyOf(compactions);
  }

  private final class ObservedModelCalls implements AgentModelActivities {
    private final AgentModelActivities real;

    ObservedModelCalls(AgentModelActivities real) {
      this.real = real;
    }

    @Override
    public ModelTurnOutput nextTurn(ModelTurnInput input) {
      long start = System.nanoTime();
      ModelTurnOutput out;
      try {
        out = real.nextTurn(input);
      } catch (RuntimeException e) {
        failedCalls.add("model call " + input.turn() + ": " + e.getMessage());
        throw e;
      }
      ContextUse use = out.context().orElse(new ContextUse(-1, -1, 0, false));
      calls.add(new ModelCallRecord(input.turn(), use.promptTokens(), use.window(), out.inputTokens(),
          out.outputTokens(), use.overflowed(), (System.nanoTime() - start) / 1_000_000));
      return out;
    }
  }

  private final class ObservedCompactions implements AgentCompactionActivities {
    private final AgentCompactionActivities real;

    ObservedCompactions(AgentCompactionActivities real) {
      this.real = real;
    }

    @Override
    public CompactionOutput compact(CompactionInput input) {
      long start = System.nanoTime();
      CompactionOutput out = real.compact(input);
      compactions.add(new CompactionRecord(input.turn(), out.turns(), out.inputTokens(), out.outputTokens(),
          (System.nanoTime() - start) / 1_000_000));
      return out;
    }
  }
}

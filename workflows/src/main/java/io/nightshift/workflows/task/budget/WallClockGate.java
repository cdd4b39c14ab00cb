package io.nightshift.workflows.task.budget;

import io.nightshift.workflows.task.control.TaskControl;
import io.temporal.workflow.Promise;
import java.util.function.Supplier;

/** Where a task budget's wall clock holds new steps back. Workflow code. */
public interface WallClockGate {
  /**
   * The gate of a task without a task budget: always open, and it starts a step just as the task always did (no
   * workflow thread of its own), so such tasks replay as they ran.
   */
  static WallClockGate none() {
    return OpenGate.INSTANCE;
  }

  /** The gate of the budget {@code ledger} keeps; past its wall clock, a step waits for a person. */
  static WallClockGate of(TaskLedger ledger, TaskControl control) {
    return new LedgerWallClock(ledger, control);
  }

  /** Starts step {@code step} with {@code start} once the task's wall clock lets it. */
  <T> Promise<T> guard(String step, Supplier<Promise<T>> start);
}

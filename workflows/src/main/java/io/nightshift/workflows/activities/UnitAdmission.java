package io.nightshift.workflows.activities;

import java.util.function.Consumer;

/**
 * How a step call gets the units its {@link UnitDemand} names before its tool runs: on a pool's queue, from the
 * pool's admission queue and lease; on the control workers, nothing. Blocks without polling until the units are
 * held, telling the caller, about every heartbeat interval, why it still waits.
 */
public interface UnitAdmission {
  /**
   * @param owner   who holds the lease (task, step and attempt), for operators
   * @param waiting called while the call waits, with a line such as "waiting for 2 nvidia_gpu on pool gpu-a, 3
   *                ahead"; it may throw (Temporal's cancellation arrives through a heartbeat), which ends the wait
   * @throws InterruptedException when the waiting thread is interrupted; nothing is held then
   */
  HeldUnits admit(String owner, UnitDemand demand, Consumer<String> waiting) throws InterruptedException;

  /** Grants nothing and never waits: for queues that serve no pool. */
  static UnitAdmission none() {
    return (owner, demand, waiting) -> HeldUnits.none();
  }
}

package io.nightshift.bench.fleet;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.placement.Placement;
import io.nightshift.core.accelerator.placement.PlacementDecision;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.accelerator.placement.StepRequirements;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Discrete-event run of a workload on simulated pools, in virtual time. Every start takes a real lease from the
 * pool's {@link SimulatedBackend} and every finish releases it, so capacity is what the backends say it is.
 *
 * <p>Policy runs choose pools with the same {@link Placement} function the workflows use, longest subtask first,
 * and backfill: when the longest waiting subtask fits nowhere, the pool that frees enough units soonest is reserved
 * for it, and shorter subtasks may use that pool only if they finish before the reservation starts (EASY
 * backfilling). Without the reservation, eight-device subtasks would starve behind a stream of small ones.
 */
public final class FleetSimulation {
  private record Running(double end, FleetSubtask task, SimulatedBackend pool, Lease lease) {}

  private record Reservation(String pool, double start, int spareUnits) {}

  private final List<SimulatedBackend> pools;
  private final PriorityQueue<Running> running = new PriorityQueue<>(Comparator.comparingDouble(Running::end));
  private final Map<String, Integer> perPool = new TreeMap<>();
  private double now;
  private final Map<String, Double> busyDeviceSeconds = new TreeMap<>();
  private double makespan;

  public FleetSimulation(List<SimulatedBackend> pools) {
    this.pools = pools;
  }

  public FleetResult runPolicy(String name, List<FleetSubtask> tasks, PlacementPolicy policy) {
    LinkedList<FleetSubtask> waiting = new LinkedList<>(tasks);
    waiting.sort(Comparator.comparingDouble(FleetSubtask::work).reversed().thenComparingInt(FleetSubtask::id));
    while (!waiting.isEmpty() || !running.isEmpty()) {
      dispatchByPolicy(waiting, policy);
      advance();
    }
    return result(name);
  }

  /** Subtask i goes to pool i mod n (skipping pools too small for it); each pool runs its share first-come first-served. */
  public FleetResult runRoundRobin(String name, List<FleetSubtask> tasks) {
    Map<String, Deque<FleetSubtask>> queues = new LinkedHashMap<>();
    pools.forEach(p -> queues.put(p.id(), new ArrayDeque<>()));
    int next = 0;
    for (FleetSubtask t : tasks) {
      SimulatedBackend pool;
      do {
        pool = pools.get(next++ % pools.size());
      } while (pool.config().devices() < t.units());
      queues.get(pool.id()).add(t);
    }
    while (queues.values().stream().anyMatch(q -> !q.isEmpty()) || !running.isEmpty()) {
      for (SimulatedBackend pool : pools) {
        Deque<FleetSubtask> q = queues.get(pool.id());
        while (!q.isEmpty() && pool.snapshot().freeUnits() >= q.peek().units()) {
          start(q.poll(), pool);
        }
      }
      advance();
    }
    return result(name);
  }

  private void dispatchByPolicy(LinkedList<FleetSubtask> waiting, PlacementPolicy policy) {
    Reservation reservation = null;
    Map<String, Integer> free = freeUnits();
    if (policy.objective() == PlacementPolicy.Objective.PINNED) {
      // Other pools are off limits, so their free units must not keep the scan going.
      free.replaceAll((pool, units) -> pool.equals(policy.pinnedPool()) ? units : 0);
    }
    Iterator<FleetSubtask> it = waiting.iterator();
    while (it.hasNext() && free.values().stream().anyMatch(f -> f > 0)) {
      FleetSubtask task = it.next();
      List<PoolView> views = new ArrayList<>();
      for (SimulatedBackend p : pools) {
        int usable = free.get(p.id());
        if (reservation != null && reservation.pool().equals(p.id())
            && now + seconds(p, task) > reservation.start()) {
          usable = Math.min(usable, reservation.spareUnits());
        }
        views.add(new PoolView(p.id(), p.kind(), Math.max(0, usable), p.config().devices(),
            p.config().memoryBytesPerDevice(), p.config().pricePerUnitHour(), p.config().wattsPerUnit(),
            p.config().throughputPerUnit(), Set.of(), true, false));
      }
      if (views.stream().noneMatch(v -> v.freeUnits() >= task.units())) {
        if (reservation == null) {
          reservation = reserve(task);
        }
        continue;
      }
      PlacementDecision d = Placement.place(views, StepRequirements.any(task.units()), policy, Optional.empty());
      if (!d.placed()) {
        continue;
      }
      SimulatedBackend pool = pools.stream().filter(p -> p.id().equals(d.pool().get())).findFirst().orElseThrow();
      start(task, pool);
      it.remove();
      free.merge(pool.id(), -task.units(), Integer::sum);
      if (reservation != null && reservation.pool().equals(pool.id()) && now + seconds(pool, task) > reservation.start()) {
        reservation = new Reservation(reservation.pool(), reservation.start(), reservation.spareUnits() - task.units());
      }
    }
  }

  /** The pool where {@code task} could start soonest if nothing else started, and the units left over then. */
  private Reservation reserve(FleetSubtask task) {
    Reservation best = null;
    for (SimulatedBackend p : pools) {
      if (p.config().devices() < task.units()) {
        continue;
      }
      int freeThen = p.snapshot().freeUnits();
      double at = now;
      List<Running> ends = running.stream().filter(r -> r.pool() == p)
          .sorted(Comparator.comparingDouble(Running::end)).toList();
      for (Running r : ends) {
        if (freeThen >= task.units()) {
          break;
        }
        freeThen += r.task().units();
        at = r.end();
      }
      if (best == null || at < best.start()) {
        best = new Reservation(p.id(), at, freeThen - task.units());
      }
    }
    return best;
  }

  private void start(FleetSubtask task, SimulatedBackend pool) {
    Lease lease = pool.allocate(LeaseRequest.of("subtask-" + task.id(), task.units()));
    double seconds = seconds(pool, task);
    running.add(new Running(now + seconds, task, pool, lease));
    busyDeviceSeconds.merge(pool.id(), task.units() * seconds, Double::sum);
    perPool.merge(pool.id(), 1, Integer::sum);
  }

  /** Moves virtual time to the next finish and releases every lease that ends then. */
  private void advance() {
    if (running.isEmpty()) {
      return;
    }
    now = running.peek().end();
    while (!running.isEmpty() && running.peek().end() <= now) {
      Running r = running.poll();
      r.pool().release(r.lease());
      makespan = Math.max(makespan, r.end());
    }
  }

  private Map<String, Integer> freeUnits() {
    Map<String, Integer> free = new LinkedHashMap<>();
    pools.forEach(p -> free.put(p.id(), p.snapshot().freeUnits()));
    return free;
  }

  static double seconds(SimulatedBackend pool, FleetSubtask task) {
    return pool.duration(task.work(), task.units()).toNanos() / 1e9;
  }

  private FleetResult result(String name) {
    return FleetResult.of(name, makespan, pools, busyDeviceSeconds, perPool);
  }

}

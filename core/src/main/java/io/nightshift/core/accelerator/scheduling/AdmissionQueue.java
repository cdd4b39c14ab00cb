package io.nightshift.core.accelerator.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order in which work waiting for one pool starts: priority first, then the longest declared estimate (long
 * jobs first shortens the makespan of a batch; work without an estimate counts as shorter than any estimate), then
 * arrival. The head of that order starts as soon as its units are free. While the head is blocked, later work may
 * start in its place only if it cannot delay the head (EASY backfilling): it fits in the free units and either
 * ends, by its estimate, before the head's reserved start, or leaves enough units for the head at that time. So
 * a job waiting for all 8 units is never starved by a stream of small ones, and small ones still use the idle
 * units around it. When the head's start cannot be known (some running work declared no estimate), nothing
 * backfills: without estimates the queue is strict priority order.
 *
 * <p>Plain data and a pure decision: not thread-safe, no clock; the caller passes {@code now} and the pool's
 * state, so tests and replays get the same answer.
 */
public final class AdmissionQueue {
  static final Comparator<WorkRequest> ORDER = Comparator.comparingInt(WorkRequest::priority).reversed()
      .thenComparing(r -> r.estimate().orElse(Duration.ZERO), Comparator.reverseOrder())
      .thenComparingLong(WorkRequest::arrival);

  private final Map<String, WorkRequest> waiting = new LinkedHashMap<>();

  public void add(WorkRequest request) {
    if (waiting.putIfAbsent(request.id(), request) != null) {
      throw new IllegalArgumentException("work " + request.id() + " is already waiting");
    }
  }

  public boolean remove(String id) {
    return waiting.remove(id) != null;
  }

  public boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** Waiting work in the order it would start if units were free. */
  public List<WorkRequest> ordered() {
    return waiting.values().stream().sorted(ORDER).toList();
  }

  /** How many waiting requests start before this one when units free up; empty if it is not waiting. */
  public Optional<Integer> ahead(String id) {
    List<WorkRequest> order = ordered();
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).id().equals(id)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * The waiting work that may start now, in start order; the caller starts it and removes it from the queue.
   *
   * @param freeUnits units of the pool not held now
   * @param running   what holds the other units, for the head's reserved start
   */
  public List<WorkRequest> admissible(int freeUnits, Collection<RunningWork> running, Instant now) {
    List<WorkRequest> start = new ArrayList<>();
    List<WorkRequest> order = ordered();
    int free = freeUnits;
    int i = 0;
    for (; i < order.size() && order.get(i).units() <= free; i++) {
      start.add(order.get(i));
      free -= order.get(i).units();
    }
    if (i == order.size()) {
      return start;
    }
    WorkRequest head = order.get(i);
    List<RunningWork> holding = new ArrayList<>(running);
    start.forEach(r -> holding.add(new RunningWork(r.id(), r.units(), r.estimate().map(now::plus))));
    Optional<Reservation> reserved = reserve(head, free, holding);
    if (reserved.isEmpty()) {
      return start;
    }
    Instant shadow = reserved.get().start();
    int spare = reserved.get().spareUnits();
    for (WorkRequest r : order.subList(i + 1, order.size())) {
      if (r.units() > free) {
        continue;
      }
      boolean endsInTime = r.estimate().map(e -> !now.plus(e).isAfter(shadow)).orElse(false);
      if (endsInTime || r.units() <= spare) {
        start.add(r);
        free -= r.units();
        if (!endsInTime) {
          spare -= r.units();
        }
      }
    }
    return start;
  }

  /** When the head can start at the latest, and how many units are left over for others then. */
  private record Reservation(Instant start, int spareUnits) {}

  private static Optional<Reservation> reserve(WorkRequest head, int free, List<RunningWork> holding) {
    List<RunningWork> byEnd = holding.stream()
        .sorted(Comparator.comparing(w -> w.expectedEnd().orElse(Instant.MAX))).toList();
    int available = free;
    for (RunningWork w : byEnd) {
      if (w.expectedEnd().isEmpty()) {
        return Optional.empty();
      }
      available += w.units();
      if (available >= head.units()) {
        return Optional.of(new Reservation(w.expectedEnd().get(), available - head.units()));
      }
    }
    return Optional.empty();
  }
}

package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.accelerator.scheduling.AdmissionQueue;
import io.nightshift.core.accelerator.scheduling.RunningWork;
import io.nightshift.core.accelerator.scheduling.WorkRequest;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.UnitAdmission;
import io.nightshift.workflows.activities.UnitDemand;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to a pool's units for step calls: each call waits in the pool's {@link AdmissionQueue} until the
 * queue lets it start, then holds a lease from the backend for as long as its tool runs. So the pool never runs
 * more than its units at once, and work that does not fit waits, in priority order, without polling: a waiting
 * thread sleeps until a lease is released (or its next heartbeat is due, to tell Temporal it still waits).
 *
 * <p>A lease lives only while its holder beats: every heartbeat that reaches Temporal renews it, and a lease not
 * renewed within {@link #expiry} (its thread wedged, Temporal given up on it and retrying elsewhere) is released
 * and its thread interrupted. A worker that dies takes its leases with it: the pool and its lease book live in
 * that process.
 */
public final class PoolGate implements UnitAdmission, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PoolGate.class);
  /** How long a pool's device count and health are trusted before the backend is asked again. */
  private static final Duration CAPACITY_FRESH_FOR = Duration.ofSeconds(5);

  private final TrackedBackend backend;
  private final Clock clock;
  private final Duration reportEvery;
  private final Duration expiry;
  private final double speed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AdmissionQueue queue = new AdmissionQueue();
  private final Map<String, Holding> holdings = new LinkedHashMap<>();
  private final ScheduledExecutorService reaper;
  private long arrivals;
  private Capacity capacity;

  /**
   * @param reportEvery how often a waiting call is told it still waits (below the activities' heartbeat timeout)
   * @param expiry      how long a lease outlives its holder's last heartbeat
   * @param speed       the pool's work per unit-hour relative to a reference unit (its {@code speed:}): steps
   *                    declare estimates on a reference unit, so here they take estimate / speed
   */
  public PoolGate(TrackedBackend backend, Clock clock, Duration reportEvery, Duration expiry, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0, was " + speed);
    }
    this.speed = speed;
    this.backend = backend;
    this.clock = clock;
    this.reportEvery = reportEvery;
    this.expiry = expiry;
    this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "nightshift-lease-reaper-" + backend.id());
      t.setDaemon(true);
      return t;
    });
    backend.onRelease(this::wakeWaiters); // a model server's lease coming back frees units too
    long every = Math.max(100, expiry.toMillis() / 4);
    reaper.scheduleWithFixedDelay(this::expireSilentHolders, every, every, TimeUnit.MILLISECONDS);
  }

  /** How long work estimated at {@code seconds} on a reference unit holds this pool's units. */
  private Duration onThisPool(long seconds) {
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000 / speed)));
  }

  @Override
  public HeldUnits admit(String owner, UnitDemand demand, Consumer<String> waiting) throws InterruptedException {
    WorkRequest request;
    lock.lock();
    try {
      request = new WorkRequest(owner, demand.units(), demand.priority(),
          demand.estimateSeconds() > 0 ? Optional.of(onThisPool(demand.estimateSeconds())) : Optional.empty(),
          arrivals++);
      queue.add(request);
    } finally {
      lock.unlock();
    }
    boolean admitted = false;
    try {
      while (true) {
        String why;
        lock.lock();
        try {
          Capacity now = capacity();
          if (request.units() > now.units()) {
            throw ApplicationFailure.newNonRetryableFailure("pool " + backend.id() + " has " + now.units()
                + " unit(s) in all; step needs " + request.units(), "PoolTooSmall");
          }
          if (now.health().state() == HealthStatus.State.DOWN) {
            throw ApplicationFailure.newFailure("pool " + backend.id() + " is down: " + now.health().detail(),
                "PoolDown");
          }
          List<Lease> leases = backend.leases();
          Optional<Holding> granted = startIfAdmitted(request, now, leases);
          if (granted.isPresent()) {
            admitted = true;
            return granted.get();
          }
          why = waitingLine(request, now, leases);
        } finally {
          lock.unlock();
        }
        waiting.accept(why); // outside the lock: a heartbeat is an RPC
        lock.lock();
        try {
          changed.await(reportEvery.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
          lock.unlock();
        }
      }
    } finally {
      if (!admitted) {
        lock.lock();
        try {
          queue.remove(owner);
          changed.signalAll(); // the work behind it may start now
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private void wakeWaiters() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Work waiting for this pool, in start order, with the units each needs (for operators' tools and tests). */
  public List<String> waiting() {
    lock.lock();
    try {
      return queue.ordered().stream().map(r -> r.id() + " (" + r.units() + ")").toList();
    } finally {
      lock.unlock();
    }
  }

  /** @param leases every lease of the pool now, this gate's and model servers' */
  private Optional<Holding> startIfAdmitted(WorkRequest request, Capacity now, List<Lease> leases) {
    int held = unitsOf(leases);
    List<RunningWork> running = new ArrayList<>();
    for (Lease l : leases) {
      Optional<Instant> end = Optional.ofNullable(holdings.get(l.id())).flatMap(Holding::expectedEnd);
      running.add(new RunningWork(l.id(), l.units(), end));
    }
    boolean first = queue.admissible(Math.max(0, now.units() - held), running, clock.instant()).stream()
        .anyMatch(r -> r.id().equals(request.id()));
    if (!first) {
      return Optional.empty();
    }
    Lease lease;
    try {
      lease = backend.allocate(new LeaseRequest(request.id(), request.units(), 0, ""));
    } catch (AcceleratorException e) {
      if (e.reason() == AcceleratorException.Reason.NO_CAPACITY) {
        return Optional.empty(); // a model server took units outside the queue; wait for the next release
      }
      String message = "pool " + backend.id() + " refused a lease of " + request.units() + ": " + e.getMessage();
      throw e.retryable() ? ApplicationFailure.newFailure(message, "Lease" + e.reason())
          : ApplicationFailure.newNonRetryableFailure(message, "Lease" + e.reason());
    }
    queue.remove(request.id());
    Holding h = new Holding(lease, request.estimate(), Thread.currentThread());
    holdings.put(lease.id(), h);
    changed.signalAll(); // more of the queue may fit in what is left
    log.info("pool {} leased {} to {}: {}", backend.id(), lease.indices(), request.id(), lease.environment());
    return Optional.of(h);
  }

  private static int unitsOf(List<Lease> leases) {
    return leases.stream().mapToInt(Lease::units).sum();
  }

  private String waitingLine(WorkRequest request, Capacity now, List<Lease> leases) {
    int ahead = queue.ahead(request.id()).orElse(0);
    int held = unitsOf(leases);
    return "waiting for " + request.units() + " " + backend.kind().name().toLowerCase(Locale.ROOT) + " on pool "
        + backend.id() + ", " + ahead + " ahead (" + held + " of " + now.units() + " held)";
  }

  private Capacity capacity() {
    Instant now = clock.instant();
    if (capacity == null || now.isAfter(capacity.asked().plus(CAPACITY_FRESH_FOR))) {
      BackendSnapshot s = backend.snapshot();
      capacity = new Capacity(s.devices().size(), s.health(), now);
    }
    return capacity;
  }

  private record Capacity(int units, HealthStatus health, Instant asked) {}

  private void expireSilentHolders() {
    lock.lock();
    try {
      Instant now = clock.instant();
      for (Holding h : List.copyOf(holdings.values())) {
        if (h.silentSince(now).compareTo(expiry) > 0) {
          log.warn("pool {}: lease {} of {} expired, no heartbeat for {}; releasing it and stopping its holder",
              backend.id(), h.lease.id(), h.lease.owner(), h.silentSince(now));
          h.release();
          Thread holder = h.holder;
          if (holder != null) {
            holder.interrupt();
          }
        }
      }
    } catch (RuntimeException e) {
      log.warn("pool {}: expiring leases failed: {}", backend.id(), e.toString());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    reaper.shutdownNow();
    lock.lock();
    try {
      List.copyOf(holdings.values()).forEach(Holding::release);
    } finally {
      lock.unlock();
    }
  }

  /** One call's lease. Guarded by the gate's lock. */
  private final class Holding implements HeldUnits {
    private final Lease lease;
    private final Optional<Duration> estimate;
    private volatile Thread holder;
    private final Instant granted;
    private volatile Instant renewed;
    private volatile Instant released;

    Holding(Lease lease, Optional<Duration> estimate, Thread holder) {
      this.lease = lease;
      this.estimate = estimate;
      this.holder = holder;
      this.granted = clock.instant();
      this.renewed = granted;
    }

    Optional<Instant> expectedEnd() {
      return estimate.map(granted::plus);
    }

    Duration silentSince(Instant now) {
      return Duration.between(renewed, now);
    }

    @Override
    public Optional<LeasedUnits> units() {
      return Optional.of(new LeasedUnits(lease, backend.commandPrefix(lease)));
    }

    @Override
    public void renew() {
      renewed = clock.instant();
    }

    @Override
    public void heldBy(Thread thread) {
      holder = thread;
    }

    @Override
    public double unitSeconds() {
      Instant end = released == null ? clock.instant() : released;
      return Duration.between(granted, end).toMillis() / 1000.0 * lease.units();
    }

    @Override
    public void close() {
      lock.lock();
      try {
        release();
      } finally {
        lock.unlock();
      }
    }

    /** Frees the units once, and wakes the work waiting for them. Caller holds the lock. */
    void release() {
      if (released != null) {
        return;
      }
      released = clock.instant();
      holdings.remove(lease.id());
      try {
        backend.release(lease);
      } catch (RuntimeException e) {
        log.warn("pool {}: releasing lease {} failed: {}", backend.id(), lease.id(), e.toString());
      }
      changed.signalAll();
    }
  }
}

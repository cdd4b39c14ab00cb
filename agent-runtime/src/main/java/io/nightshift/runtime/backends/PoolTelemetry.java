package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples one pool's telemetry for the step calls holding its units ({@link SampledHold}), on a thread of its own.
 * A read runs the executor's tool (nvidia-smi, neuron-monitor: tens of milliseconds to about a second each), so
 * the pool is read at most once per {@code readGap}, however many calls hold its units (a map's short chunks
 * included), and never while none does: one read serves every hold, and a hold that starts just after a read
 * gets its first sample from the next one.
 */
public final class PoolTelemetry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PoolTelemetry.class);
  /**
   * How often a hold wants a sample besides at its start and end: a step of a minute gets a dozen, and the pool's
   * tool runs a few times a minute for it, not on every heartbeat (the runner beats every 2 s; how often it beats
   * is no business of the hardware's).
   */
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
  /** The least time between two reads of the pool: a second, the period of nvidia-smi's own utilization figure. */
  static final Duration READ_GAP = Duration.ofSeconds(1);

  private final AcceleratorBackend backend;
  private final Clock clock;
  private final Duration every;
  private final Duration readGap;
  private final Set<SampledHold> holds = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sampler;
  private Reading last; // guarded by this

  /** One read of the pool's telemetry, all its devices, and when it began (on this pool's clock). */
  record Reading(Instant at, List<Telemetry> telemetry) {}

  /**
   * @param every   how often a hold wants a sample
   * @param readGap the least time between two reads of the pool; at most {@code every}
   */
  PoolTelemetry(AcceleratorBackend backend, Clock clock, Duration every, Duration readGap) {
    this.backend = backend;
    this.clock = clock;
    this.every = every;
    this.readGap = readGap;
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "nightshift-telemetry-" + backend.id());
      t.setDaemon(true);
      return t;
    });
    long look = Math.max(10, readGap.toMillis()); // how often to look for holds due a sample: a check, not a read
    sampler.scheduleAtFixedRate(this::sampleDue, look, look, TimeUnit.MILLISECONDS);
  }

  /** Samples the hold from now on, the first time at once unless the pool was read under a gap ago. */
  void track(SampledHold hold) {
    holds.add(hold);
    try {
      sampler.execute(this::sampleDue);
    } catch (RejectedExecutionException e) {
      // shutting down: the hold's last sample still comes as it ends
    }
  }

  void untrack(SampledHold hold) {
    holds.remove(hold);
  }

  /** One read for all holds when any is due one and the pool may be read again. */
  private void sampleDue() {
    try {
      Instant now = clock.instant();
      if (holds.stream().anyMatch(h -> h.due(now, every))) {
        read(now).ifPresent(r -> holds.forEach(h -> h.offer(r)));
      }
    } catch (RuntimeException e) {
      // a failed read costs one sample, never a step; the backend reports lasting trouble in its health
      log.debug("pool {}: reading telemetry failed: {}", backend.id(), e.toString());
    }
  }

  /**
   * A read begun at or after {@code notBefore}, so it saw a lease granted by then: the last one while it is younger
   * than the gap, else a new one; empty when the pool was read under a gap ago, too early for this caller.
   */
  synchronized Optional<Reading> read(Instant notBefore) {
    Instant now = clock.instant();
    boolean young = last != null && Duration.between(last.at(), now).compareTo(readGap) < 0;
    if (young) {
      return last.at().isBefore(notBefore) ? Optional.empty() : Optional.of(last);
    }
    last = new Reading(now, backend.snapshot().telemetry());
    return Optional.of(last);
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}

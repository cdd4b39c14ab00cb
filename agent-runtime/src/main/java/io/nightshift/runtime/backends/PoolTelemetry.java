package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads one pool's telemetry for the step calls holding its units ({@link SampledHold}), on a thread of its own.
 * A read runs the executor's tool (nvidia-smi, neuron-monitor: tens of milliseconds to about a second each), so
 * one read serves every hold that asks within {@code readGap}: however many calls run at once, the tool runs at
 * most once per gap on this pool's behalf.
 */
public final class PoolTelemetry implements AutoCloseable {
  /**
   * How often a hold is sampled besides at its start and end: often enough that a step of a minute gets a dozen
   * samples, rarely enough that a pool's tool runs a few times a minute, not on every heartbeat (the runner beats
   * every 2 s, and its interval is no business of the hardware's).
   */
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
  /** How old a read may be and still serve another hold's sample: well below {@link #SAMPLE_EVERY}. */
  static final Duration READ_GAP = Duration.ofSeconds(1);

  private final AcceleratorBackend backend;
  private final Clock clock;
  private final Duration every;
  private final Duration readGap;
  private final ScheduledExecutorService sampler;
  private Reading last; // guarded by this

  /** One read of the pool's telemetry, all its devices, and when it began (on this pool's clock). */
  record Reading(Instant at, List<Telemetry> telemetry) {}

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
  }

  /**
   * A read begun at or after {@code notBefore}, so it saw the caller's lease: the last one while it is younger than
   * the gap, else a new one. A caller that comes while another reads waits for that read, and takes it if it may.
   */
  synchronized Reading read(Instant notBefore) {
    Instant now = clock.instant();
    if (last != null && !last.at().isBefore(notBefore) && Duration.between(last.at(), now).compareTo(readGap) < 0) {
      return last;
    }
    last = new Reading(now, backend.snapshot().telemetry());
    return last;
  }

  /** Runs {@code sample} now and then every sampling interval until cancelled; nothing once this pool is closed. */
  Future<?> sampleEvery(Runnable sample) {
    try {
      return sampler.scheduleAtFixedRate(sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(null); // shutting down: the hold's last sample still comes at its end
    }
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}

package io.nightshift.runtime.worker;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a worker process's pollers the way an operator's stop (a deploy, a node drain) should: every worker stops
 * taking new tasks at once, the activities already running get one grace period, shared by all workers, to finish
 * and report, and those still running after it are interrupted. An interrupted activity fails its attempt, which
 * Temporal hands at once to another worker as a retry, instead of waiting out its heartbeat or start-to-close
 * timeout as it would after a kill. Workflow tasks need no grace: their state is in Temporal's history.
 */
final class WorkerShutdown implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerShutdown.class);
  /** How long interrupted activities get to report their failed attempt. */
  private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

  private final Duration grace;
  private final List<WorkerFactory> factories = new ArrayList<>();

  WorkerShutdown(Duration grace) {
    this.grace = grace;
  }

  /** A started factory to stop with the others. */
  synchronized WorkerFactory add(WorkerFactory factory) {
    factories.add(factory);
    return factory;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    factories.forEach(WorkerFactory::shutdown); // no new tasks anywhere, before waiting on any
    long deadline = System.nanoTime() + grace.toNanos();
    List<WorkerFactory> running = new ArrayList<>();
    for (WorkerFactory factory : factories) {
      factory.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (!factory.isTerminated()) {
        running.add(factory);
      }
    }
    if (running.isEmpty()) {
      log.info("workers stopped: every running step finished within the {} s grace", grace.toSeconds());
      return;
    }
    log.warn("steps still running after the {} s grace (--shutdown-grace-seconds): interrupting them, so Temporal"
        + " retries them on another worker", grace.toSeconds());
    running.forEach(WorkerFactory::shutdownNow);
    for (WorkerFactory factory : running) {
      factory.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}

package io.nightshift.runtime.worker;

import io.temporal.client.ActivityCompletionClient;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a worker process's pollers the way an operator's stop (a deploy, a node drain) should: every worker stops
 * taking new tasks at once, and the activities already running get one grace period, shared by all workers, to
 * finish and report. Those still running after it are handed back: each is failed in Temporal as the worker
 * stopping ({@value #STOPPED}, retryable), so Temporal gives its retry to another worker at once, instead of
 * waiting out its heartbeat or start-to-close timeout as after a kill; then their threads are interrupted. Workflow
 * tasks need no grace: their state is in Temporal's history.
 */
final class WorkerShutdown implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerShutdown.class);
  /** The failure type a handed-back attempt ends with. */
  static final String STOPPED = "WorkerStopped";
  /** How long interrupted activities get to end. */
  private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

  private final Duration grace;
  private final List<Namespace> namespaces = new ArrayList<>();

  WorkerShutdown(Duration grace) {
    this.grace = grace;
  }

  /** The workers of one client (one namespace), and the activities they run. */
  final class Namespace {
    private final RunningActivities running = new RunningActivities();
    private final ActivityCompletionClient completions;
    private final List<WorkerFactory> factories = new ArrayList<>();

    private Namespace(WorkflowClient client) {
      this.completions = client.newActivityCompletionClient();
    }

    /** The interceptor the namespace's worker factories must carry, so their running activities are known. */
    RunningActivities running() {
      return running;
    }

    /** A started factory to stop with the others. */
    WorkerFactory add(WorkerFactory factory) {
      synchronized (WorkerShutdown.this) {
        factories.add(factory);
      }
      return factory;
    }

    private int handBack(Duration grace) {
      int handedBack = 0;
      for (RunningActivities.Token token : running.now()) {
        try {
          completions.completeExceptionally(token.bytes(), ApplicationFailure.newFailure("the worker running this"
              + " attempt was stopped and its " + grace.toSeconds() + " s grace passed", STOPPED));
          handedBack++;
        } catch (ActivityCompletionException e) {
          // it ended meanwhile, on its own
        }
      }
      return handedBack;
    }
  }

  synchronized Namespace forClient(WorkflowClient client) {
    Namespace namespace = new Namespace(client);
    namespaces.add(namespace);
    return namespace;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    List<WorkerFactory> all = namespaces.stream().flatMap(n -> n.factories.stream()).toList();
    all.forEach(WorkerFactory::shutdown); // no new tasks anywhere, before waiting on any
    long deadline = System.nanoTime() + grace.toNanos();
    for (WorkerFactory factory : all) {
      factory.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    if (all.stream().allMatch(WorkerFactory::isTerminated)) {
      log.info("workers stopped: every running step finished within the {} s grace", grace.toSeconds());
      return;
    }
    int handedBack = namespaces.stream().mapToInt(n -> n.handBack(grace)).sum();
    log.warn("{} step(s) still running after the {} s grace (--shutdown-grace-seconds): handed back to Temporal,"
        + " which retries them on another worker, and interrupted", handedBack, grace.toSeconds());
    all.forEach(WorkerFactory::shutdownNow);
    for (WorkerFactory factory : all) {
      factory.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}

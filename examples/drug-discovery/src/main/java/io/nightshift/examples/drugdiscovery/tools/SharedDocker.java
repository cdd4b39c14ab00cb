package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Set-up dockers for this JVM, reused across {@code chem.dock} calls: one molecule docks per core at once, so the
 * chunks of a map step that the worker runs side by side keep every core busy, and chunks beyond that wait for a
 * core (heartbeating) rather than each gridding a pocket of its own (a map step runs up to its max_parallel chunks
 * at once: the demo's 16 chunks made 16 dockers on 2 cores). Gridding the pocket takes seconds, so a docker is kept
 * once set up; at most one per core exists. Each lives in a class loader of its own ({@link IsolatedDocker}:
 * OpenChemLib's shared state made side-by-side dockers disagree), is used by one thread at a time, and re-seeds its
 * search per molecule, so a score depends on the molecule alone.
 */
final class SharedDocker {
  private static final Map<DockingSettings, Queue<IsolatedDocker>> IDLE = new ConcurrentHashMap<>();
  private static final Semaphore CORES = new Semaphore(Runtime.getRuntime().availableProcessors());
  private static final long BEAT_SECONDS = 10;

  private SharedDocker() {}

  /** Sets up (once) a docker for these settings; a failure here means the target itself is unusable. */
  static void check(DockingSettings settings, Consumer<String> heartbeat) throws DockingFailure {
    onACore(heartbeat, () -> {
      release(settings, borrow(settings));
      return null;
    });
  }

  /**
   * Docks one molecule on a docker of these settings that no other thread is using, once a core is free: {score,
   * seconds}. Beats every {@value #BEAT_SECONDS} s while it waits.
   */
  static double[] dock(DockingSettings settings, String smiles, Consumer<String> heartbeat) throws DockingFailure {
    return onACore(heartbeat, () -> {
      IsolatedDocker docker = borrow(settings);
      try {
        return docker.dock(smiles);
      } finally {
        release(settings, docker);
      }
    });
  }

  private static <T> T onACore(Consumer<String> heartbeat, Docking<T> work) throws DockingFailure {
    try {
      while (!CORES.tryAcquire(BEAT_SECONDS, TimeUnit.SECONDS)) {
        heartbeat.accept("waiting for a free core to dock on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockingFailure("interrupted while waiting for a free core", e);
    }
    try {
      return work.run();
    } finally {
      CORES.release();
    }
  }

  private static IsolatedDocker borrow(DockingSettings settings) throws DockingFailure {
    IsolatedDocker idle = idle(settings).poll();
    return idle != null ? idle : IsolatedDocker.create(settings);
  }

  private static void release(DockingSettings settings, IsolatedDocker docker) {
    idle(settings).add(docker);
  }

  private static Queue<IsolatedDocker> idle(DockingSettings settings) {
    return IDLE.computeIfAbsent(settings, s -> new ConcurrentLinkedQueue<>());
  }

  @FunctionalInterface
  private interface Docking<T> {
    T run() throws DockingFailure;
  }
}

package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  private static final int CORE_COUNT = Runtime.getRuntime().availableProcessors();
  private static final Map<DockingSettings, Queue<IsolatedDocker>> IDLE = new ConcurrentHashMap<>();
  /** Dockers made per settings, idle or in use: never more than {@link #CORE_COUNT} (each is made on a core). */
  private static final Map<DockingSettings, AtomicInteger> MADE = new ConcurrentHashMap<>();
  /** Background set-ups started and not yet finished, per settings ({@link #prepareInBackground}). */
  private static final Map<DockingSettings, AtomicInteger> STARTING = new ConcurrentHashMap<>();
  private static final Semaphore CORES = new Semaphore(CORE_COUNT);
  private static final long BEAT_SECONDS = 10;
  /**
   * Docked once by each docker {@link #prepareInBackground} sets up, result discarded: a docker's first molecule runs while
   * the JIT compiles its loader's copy of the docking code ({@code DockerWarmUpMeasurement}, bench/README.md: a
   * fresh loader's first molecule took 3.0-3.9 s of CPU against 1.2 s warm, and a second loader gained nothing from
   * the first's JIT). A demo analogue of middling size (ConcurrentDockingIT's NS-3B7051BAB9); a score depends on the
   * molecule alone, so docking it first changes no later score.
   */
  static final String WARM_UP_SMILES = "CC(C)NCC(COC1=CC=C(C(=O)C)C2=C1C=CC=C2)O";

  private SharedDocker() {}

  /** Sets up (once) a docker for these settings; a failure here means the target itself is unusable. */
  static void check(DockingSettings settings, Consumer<String> heartbeat) throws DockingFailure {
    onACore(heartbeat, () -> {
      release(settings, borrow(settings));
      return null;
    });
  }

  /**
   * Starts setting up, in the background, the dockers for these settings that this JVM lacks (one per core), each
   * warmed by docking {@link #WARM_UP_SMILES}, and returns at once: a pipeline calls this while its first molecules
   * are still being designed (the campaigns' {@code prepare_docking} step, beside round 1's generate, filter and
   * triage), where each loader's set-up and JIT warm-up would otherwise delay the first dock step. Each set-up holds
   * a core like docking does, so dock calls that come meanwhile wait for a core and then find the docker ready.
   * In the background so that a task that fails early does not wait for it (a failed task waits for its running
   * steps): the dockers belong to the JVM, not to a task. A set-up that fails is dropped; the dock call that needs
   * the docker then sets one up itself and reports why it cannot.
   *
   * @return how many set-ups it started (0 when every core has a docker or one on the way)
   */
  static int prepareInBackground(DockingSettings settings) {
    AtomicInteger starting = STARTING.computeIfAbsent(settings, s -> new AtomicInteger());
    int missing;
    synchronized (starting) {
      missing = Math.max(0, CORE_COUNT - made(settings).get() - starting.get());
      starting.addAndGet(missing);
    }
    for (int i = 0; i < missing; i++) {
      Thread thread = new Thread(() -> {
        try {
          onACore(waiting -> { }, () -> prepareOne(settings));
        } catch (DockingFailure | RuntimeException e) {
          // dropped on purpose: the next dock call sets up a docker itself and fails with this reason
        } finally {
          starting.decrementAndGet();
        }
      }, "docker-prepare");
      thread.setDaemon(true);
      thread.start();
    }
    return missing;
  }

  /** Dockers this JVM made for these settings, idle or in use. */
  static int dockersMade(DockingSettings settings) {
    return made(settings).get();
  }

  /** Makes and warms one docker unless every core has one; on a core. */
  private static boolean prepareOne(DockingSettings settings) throws DockingFailure {
    if (made(settings).getAndUpdate(n -> n < CORE_COUNT ? n + 1 : n) >= CORE_COUNT) {
      return false;
    }
    IsolatedDocker docker;
    try {
      docker = IsolatedDocker.create(settings);
    } catch (DockingFailure | RuntimeException e) {
      made(settings).decrementAndGet();
      throw e;
    }
    try {
      docker.dock(WARM_UP_SMILES);
    } finally {
      release(settings, docker);
    }
    return true;
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
    if (idle != null) {
      return idle;
    }
    IsolatedDocker made = IsolatedDocker.create(settings);
    made(settings).incrementAndGet();
    return made;
  }

  private static AtomicInteger made(DockingSettings settings) {
    return MADE.computeIfAbsent(settings, s -> new AtomicInteger());
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

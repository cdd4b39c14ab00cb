package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Set-up dockers for this JVM, reused across {@code chem.dock} calls, one per molecule being docked at once: the
 * chunks of a map step that the worker runs side by side (the cpu pool admits as many as it has cores) dock side by
 * side, so a docking round keeps every core busy. Gridding the pocket takes seconds, so a docker is kept once set
 * up; at most as many exist as were ever in use at once. Each lives in a class loader of its own
 * ({@link IsolatedDocker}: OpenChemLib's shared state made side-by-side dockers disagree), is used by one thread at
 * a time, and re-seeds its search per molecule, so a score depends on the molecule alone.
 */
final class SharedDocker {
  private static final Map<DockingSettings, Queue<IsolatedDocker>> IDLE = new ConcurrentHashMap<>();

  private SharedDocker() {}

  /** Sets up (once) a docker for these settings; a failure here means the target itself is unusable. */
  static void check(DockingSettings settings) throws DockingFailure {
    release(settings, borrow(settings));
  }

  /** Docks one molecule on a docker of these settings that no other thread is using: {score, seconds}. */
  static double[] dock(DockingSettings settings, String smiles) throws DockingFailure {
    IsolatedDocker docker = borrow(settings);
    try {
      return docker.dock(smiles);
    } finally {
      release(settings, docker);
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
}

package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import io.nightshift.examples.drugdiscovery.docking.DockingTarget;
import io.nightshift.examples.drugdiscovery.docking.PocketDocker;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reuses set-up dockers across {@code chem.dock} calls in one worker. Gridding the pocket takes 4-11 s, as long
 * as docking a few molecules, and a map step calls the tool once per chunk: without reuse, small chunks would
 * spend most of their time on set-up. A docker is not thread-safe, so each call borrows one exclusively; the pool
 * holds at most as many as were ever in use at once. Reuse does not change scores: the docker re-seeds its search
 * per molecule, so a score depends on the molecule alone.
 */
final class DockerPool {
  private static final Map<DockingSettings, Queue<PocketDocker>> IDLE = new ConcurrentHashMap<>();

  private DockerPool() {}

  static PocketDocker borrow(DockingSettings settings) throws DockingFailure {
    PocketDocker docker = IDLE.computeIfAbsent(settings, s -> new ConcurrentLinkedQueue<>()).poll();
    return docker != null ? docker : new PocketDocker(DockingTarget.abl1Imatinib(), settings);
  }

  static void giveBack(DockingSettings settings, PocketDocker docker) {
    IDLE.computeIfAbsent(settings, s -> new ConcurrentLinkedQueue<>()).add(docker);
  }
}

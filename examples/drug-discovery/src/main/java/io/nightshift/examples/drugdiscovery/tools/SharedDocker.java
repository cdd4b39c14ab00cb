package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.docking.DockedPose;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import io.nightshift.examples.drugdiscovery.docking.DockingTarget;
import io.nightshift.examples.drugdiscovery.docking.PocketDocker;
import java.util.HashMap;
import java.util.Map;

/**
 * One set-up docker per search effort in this JVM, and one molecule docked at a time.
 *
 * <p>Serial on purpose: OpenChemLib's docking is not deterministic when two dockers run at once in one JVM, even
 * dockers of their own (measured: 1-2 of 8 molecules scored differently, e.g. -69.27 alone and -58.34 beside three
 * other dockers; sequential runs reproduce every score exactly, across dockers, orders and JVMs). A score must depend
 * on the molecule alone, or a retried chunk or a re-run campaign would disagree with itself, so docking in parallel
 * is left to separate worker processes, where the map step spreads its chunks. Sharing one docker also grids the
 * pocket once per JVM (4-11 s) instead of once per map chunk.
 */
final class SharedDocker {
  private static final Object LOCK = new Object();
  private static final Map<DockingSettings, PocketDocker> DOCKERS = new HashMap<>();

  private SharedDocker() {}

  /** Sets up (once) the docker for these settings; a failure here means the target itself is unusable. */
  static PocketDocker forSettings(DockingSettings settings) throws DockingFailure {
    synchronized (LOCK) {
      PocketDocker docker = DOCKERS.get(settings);
      if (docker == null) {
        docker = new PocketDocker(DockingTarget.abl1Imatinib(), settings);
        DOCKERS.put(settings, docker);
      }
      return docker;
    }
  }

  static DockedPose dock(PocketDocker docker, String smiles) throws DockingFailure {
    synchronized (LOCK) {
      return docker.dock(smiles);
    }
  }
}

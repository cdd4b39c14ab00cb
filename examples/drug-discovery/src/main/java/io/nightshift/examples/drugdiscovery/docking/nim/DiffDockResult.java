package io.nightshift.examples.drugdiscovery.docking.nim;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the DiffDock NIM answered for one ligand.
 *
 * @param poses   the poses in the service's order (rank 1 first)
 * @param details the service's {@code details} text, empty when it sent none
 * @param seconds wall-clock time of the call, retries included
 */
public record DiffDockResult(List<DiffDockPose> poses, String details, double seconds) {
  public DiffDockResult {
    poses = List.copyOf(poses);
  }

  /** The pose with the highest confidence (the service's rank 1 when it ranks by confidence, as documented). */
  public Optional<DiffDockPose> best() {
    return poses.stream().filter(p -> Double.isFinite(p.confidence()))
        .max(Comparator.comparingDouble(DiffDockPose::confidence).thenComparing(p -> -p.rank()));
  }
}

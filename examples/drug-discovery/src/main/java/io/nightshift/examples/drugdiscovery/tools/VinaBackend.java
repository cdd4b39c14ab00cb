package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingUnavailable;
import io.nightshift.examples.drugdiscovery.docking.vina.VinaDocker;
import io.nightshift.examples.drugdiscovery.docking.vina.VinaPose;
import io.nightshift.examples.drugdiscovery.docking.vina.VinaPrograms;
import io.nightshift.examples.drugdiscovery.docking.vina.VinaReceptor;
import io.nightshift.examples.drugdiscovery.docking.vina.VinaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * AutoDock Vina through Debian's {@code vina} and {@code obabel}: {@code dock_score} is Vina's affinity of the best
 * mode (kcal/mol), {@code dock_pose} the best pose as an SDF artifact. The receptor PDBQT is prepared once into the
 * Nightshift data directory (see {@link VinaReceptor}).
 */
final class VinaBackend implements DockingBackend {
  static final String POSE_MEDIA_TYPE = "chemical/x-mdl-sdfile";

  private final VinaDocker docker;

  private VinaBackend(VinaDocker docker) {
    this.docker = docker;
  }

  /** Finds the programs and prepares the receptor; either failing fails the step at once, saying what to install. */
  static VinaBackend create(ToolContext context, VinaSettings settings, String vinaPath, String obabelPath) {
    try {
      VinaPrograms programs = VinaPrograms.locate(vinaPath, obabelPath, context.workDir());
      return new VinaBackend(VinaDocker.abl1(programs, settings, VinaReceptor.defaultCacheDir()));
    } catch (DockingUnavailable e) {
      throw ToolException.permanent(e.getMessage(), e);
    }
  }

  @Override
  public String engine() {
    return docker.provenance();
  }

  @Override
  public List<String> extraColumns() {
    return List.of(Columns.DOCK_POSE);
  }

  @Override
  public Docked dock(ToolContext context, Candidate candidate, Path workDir) throws DockingFailure {
    VinaPose pose;
    try {
      // on a pool's leased CPU cores, Vina and Open Babel run on those cores only
      pose = docker.dock(candidate.smiles(), workDir, context::heartbeat, context::processBuilder);
    } catch (DockingUnavailable e) {
      throw ToolException.permanent(e.getMessage(), e);
    }
    TreeMap<String, String> extra = new TreeMap<>();
    extra.put(Columns.DOCK_POSE, storePose(context, pose.poseSdf()));
    return new Docked(pose.affinity(), extra, pose.seconds());
  }

  static String storePose(ToolContext context, String sdf) {
    try {
      return context.artifacts().put(sdf.getBytes(StandardCharsets.UTF_8), POSE_MEDIA_TYPE).uri();
    } catch (IOException e) {
      throw ToolException.retryable("storing a docked pose: " + e.getMessage(), e);
    }
  }
}

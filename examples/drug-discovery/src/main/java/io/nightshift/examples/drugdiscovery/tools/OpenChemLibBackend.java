package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import io.nightshift.examples.drugdiscovery.docking.PocketDocker;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/** OpenChemLib's ChemPLP docking in this JVM, one molecule per core at once (see {@link SharedDocker}). */
final class OpenChemLibBackend implements DockingBackend {
  private final DockingSettings settings;
  private final String effort;

  private OpenChemLibBackend(DockingSettings settings, String effort) {
    this.settings = settings;
    this.effort = effort;
  }

  /** Sets up (once per JVM) the docker for this effort; a failure means the target itself is unusable. */
  static OpenChemLibBackend create(ToolContext context, DockingSettings settings, String effort) {
    try {
      SharedDocker.check(settings, context::heartbeat);
      return new OpenChemLibBackend(settings, effort);
    } catch (DockingFailure e) {
      throw ToolException.permanent(e.getMessage(), e);
    }
  }

  @Override
  public String engine() {
    return PocketDocker.ENGINE + ", " + effort + " effort";
  }

  @Override
  public List<String> extraColumns() {
    return List.of();
  }

  @Override
  public Docked dock(ToolContext context, Candidate candidate, Path workDir) throws DockingFailure {
    double[] scoreAndSeconds = SharedDocker.dock(settings, candidate.smiles(), context::heartbeat);
    return new Docked(scoreAndSeconds[0], new TreeMap<>(), scoreAndSeconds[1]);
  }
}

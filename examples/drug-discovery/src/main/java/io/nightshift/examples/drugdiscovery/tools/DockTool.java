package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.docking.DockedPose;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import io.nightshift.examples.drugdiscovery.docking.PocketDocker;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code chem.dock}: docks each molecule into the shipped ABL1 pocket with OpenChemLib, in process, and adds
 * {@code dock_score} (ChemPLP, lower is better) and {@code dock_engine} (provenance). A molecule that cannot be
 * docked keeps its row with {@code dock_error} instead of failing the step. Heartbeats after every molecule.
 * Each score depends on the molecule alone (see {@link PocketDocker}; molecules dock one at a time per JVM, see
 * {@link SharedDocker}), so the step is deterministic and a retried or re-sharded map step gives the same numbers.
 */
final class DockTool implements Tool {
  static final String NAME = "chem.dock";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Docks molecules into the ABL1 kinase ATP pocket (PDB 1IEP) with OpenChemLib's ChemPLP docking engine"
            + " and records the score of the best pose.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of a molecule CSV"),
            ToolParam.optional("max_molecules", "dock only the first N molecules (the rest are passed through"
                + " unscored; in a map step this applies to each chunk)", "all"),
            ToolParam.optional("effort", "search effort: standard (OpenChemLib defaults) or fast (about 5x"
                + " quicker, for demos and first passes)", "standard")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSetArtifacts.Loaded loaded = MoleculeSetArtifacts.loadWithColumns(context, arguments, "molecules");
    MoleculeSet input = loaded.set();
    int limit = arguments.optional("max_molecules").filter(v -> !v.equals("all")).isPresent()
        ? Numbers.positiveInt(arguments, "max_molecules", input.size()) : input.size();
    String effort = arguments.orDefault("effort", "standard").strip();
    DockingSettings settings;
    try {
      settings = DockingSettings.named(effort);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("parameter 'effort': " + e.getMessage());
    }
    // the input's columns plus the docking ones, whatever the rows hold: a map step's chunks must agree on them
    List<String> columns = new ArrayList<>(loaded.columns());
    columns.addAll(List.of(Columns.DOCK_SCORE, Columns.DOCK_ENGINE, Columns.DOCK_ERROR));
    if (input.isEmpty()) {
      return new ToolOutput(MoleculeSetArtifacts.store(context, input, columns), "empty input: nothing to dock");
    }
    PocketDocker docker;
    try {
      docker = SharedDocker.forSettings(settings);
    } catch (DockingFailure e) {
      throw ToolException.permanent(e.getMessage(), e);
    }
    return dockAll(context, input, limit, effort, docker, columns);
  }

  private static ToolOutput dockAll(ToolContext context, MoleculeSet input, int limit, String effort,
      PocketDocker docker, List<String> columns) {
    List<Candidate> out = new ArrayList<>();
    int docked = 0, failed = 0;
    double best = Double.POSITIVE_INFINITY;
    String bestId = "";
    double seconds = 0;
    for (int i = 0; i < input.size(); i++) {
      Candidate c = input.candidates().get(i);
      if (i >= limit) {
        out.add(c);
        continue;
      }
      try {
        DockedPose pose = SharedDocker.dock(docker, c.smiles());
        out.add(c.with(Columns.DOCK_SCORE, Numbers.format(pose.score()))
            .with(Columns.DOCK_ENGINE, PocketDocker.ENGINE + ", " + effort + " effort"));
        docked++;
        seconds += pose.seconds();
        if (pose.score() < best) {
          best = pose.score();
          bestId = c.id();
        }
      } catch (DockingFailure e) {
        out.add(c.with(Columns.DOCK_ERROR, e.getMessage()));
        failed++;
      }
      context.heartbeat("docked " + (i + 1) + " of " + Math.min(limit, input.size()) + ": " + c.id());
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(out), columns);
    String summary = docked == 0
        ? String.format("docked 0 of %d molecules (%d failed)", input.size(), failed)
        : String.format("docked %d of %d molecules (%d failed), best %s %s, %.1f s per molecule", docked,
            input.size(), failed, bestId, Numbers.format(best), seconds / docked);
    return new ToolOutput(ref, summary);
  }
}

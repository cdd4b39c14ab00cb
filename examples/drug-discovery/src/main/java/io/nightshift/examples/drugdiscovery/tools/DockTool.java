package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code chem.dock}: docks each molecule into the shipped ABL1 pocket and adds {@code dock_score} (lower is better)
 * and {@code dock_engine} (engine, version, unit and settings: provenance), with the engine's own extra columns. The
 * engine is a parameter: OpenChemLib in process (default, nothing to install), AutoDock Vina (Debian's
 * {@code autodock-vina} and {@code openbabel}) or a DiffDock NIM (see {@link DockingBackends}). Which programs run
 * and which NIM is called is the operator's {@link DockingConfig}, never a parameter: a task names an engine, not
 * an executable or an address.
 * A molecule that cannot be docked keeps its row with {@code dock_error} instead of failing the step; an engine that
 * cannot run at all fails it at once, saying what to install or configure. Heartbeats after every molecule, naming
 * the rows done so far ({@link DockingCheckpoint}), so an attempt after a crash docks only the rest. Each
 * score depends on the molecule alone (OpenChemLib is re-seeded per molecule, Vina runs with a fixed seed), so a
 * retried or re-sharded map step gives the same numbers.
 */
final class DockTool implements Tool {
  static final String NAME = "chem.dock";

  private final DockingConfig config;

  DockTool(DockingConfig config) {
    this.config = config;
  }

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Docks molecules into the ABL1 kinase ATP pocket (PDB 1IEP) with OpenChemLib's ChemPLP docking engine,"
            + " AutoDock Vina or a DiffDock NIM, and records the score of the best pose.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of a molecule CSV"),
            ToolParam.optional("max_molecules", "dock only the first N molecules (the rest are passed through"
                + " unscored; in a map step this applies to each chunk)", "all"),
            ToolParam.optional("engine", "docking engine: " + String.join(", ", DockingBackends.ENGINES)
                + " (vina needs Debian's autodock-vina and openbabel; diffdock-nim a NIM the operator configured)",
                DockingBackends.OPENCHEMLIB),
            ToolParam.optional("effort", "search effort: standard or fast (OpenChemLib: its defaults or about 5x"
                + " quicker; Vina: exhaustiveness 8 or 4)", "standard"),
            ToolParam.optional("exhaustiveness", "Vina only: Monte Carlo runs per molecule, overrides effort",
                "by effort"),
            ToolParam.optional("vina_cpu", "Vina only: threads per Vina run", "2"),
            ToolParam.optional("num_poses", "diffdock-nim only: poses DiffDock generates per molecule", "10")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSetArtifacts.Loaded loaded = MoleculeSetArtifacts.loadWithColumns(context, arguments, "molecules");
    MoleculeSet input = loaded.set();
    int limit = arguments.optional("max_molecules").filter(v -> !v.equals("all")).isPresent()
        ? Numbers.positiveInt(arguments, "max_molecules", input.size()) : input.size();
    String engine = DockingBackends.engineName(arguments);
    // the input's columns plus the docking ones, whatever the rows hold: a map step's chunks must agree on them
    List<String> columns = new ArrayList<>(loaded.columns());
    columns.addAll(List.of(Columns.DOCK_SCORE, Columns.DOCK_ENGINE, Columns.DOCK_ERROR));
    columns.addAll(DockingBackends.extraColumns(engine));
    DockingBackends.checkArguments(engine, arguments, config);
    if (input.isEmpty()) {
      return new ToolOutput(MoleculeSetArtifacts.store(context, input, columns), "empty input: nothing to dock");
    }
    DockingCheckpoint checkpointed = new DockingCheckpoint(context);
    DockingBackend backend = DockingBackends.create(engine, checkpointed, arguments, config);
    return dockAll(checkpointed, input, limit, backend, columns);
  }

  private static ToolOutput dockAll(DockingCheckpoint context, MoleculeSet input, int limit,
      DockingBackend backend, List<String> columns) {
    List<Candidate> out = new ArrayList<>(context.resume(input));
    int resumed = out.size();
    int docked = 0, failed = 0, dockedHere = 0;
    double best = Double.POSITIVE_INFINITY;
    String bestId = "";
    double seconds = 0;
    for (Candidate done : out) {
      if (done.property(Columns.DOCK_ERROR).filter(e -> !e.isBlank()).isPresent()) {
        failed++;
      } else if (done.number(Columns.DOCK_SCORE).isPresent()) {
        docked++;
        double score = done.number(Columns.DOCK_SCORE).get();
        if (score < best) {
          best = score;
          bestId = done.id();
        }
      }
    }
    int toDock = Math.min(limit, input.size());
    for (int i = resumed; i < input.size(); i++) {
      Candidate c = input.candidates().get(i);
      if (i >= limit) {
        out.add(c);
        continue;
      }
      try {
        DockingBackend.Docked result = backend.dock(context, c, context.workDir().resolve("dock-" + i));
        out.add(c.with(Columns.DOCK_SCORE, Numbers.format(result.score()))
            .with(Columns.DOCK_ENGINE, backend.engine()).with(result.extra()));
        docked++;
        dockedHere++;
        seconds += result.seconds();
        if (result.score() < best) {
          best = result.score();
          bestId = c.id();
        }
      } catch (DockingFailure e) {
        out.add(c.with(Columns.DOCK_ERROR, e.getMessage()));
        failed++;
      }
      if (i + 1 < toDock) {
        context.save(out, columns); // after the last one the output itself follows at once
      }
      context.heartbeat("docked " + (i + 1) + " of " + toDock + ": " + c.id());
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(out), columns);
    String resumedNote = resumed == 0 ? "" : String.format(" (%d resumed from an earlier attempt)", resumed);
    String summary = docked == 0
        ? String.format("docked 0 of %d molecules (%d failed)%s", input.size(), failed, resumedNote)
        : String.format("docked %d of %d molecules (%d failed)%s, best %s %s%s", docked, input.size(), failed,
            resumedNote, bestId, Numbers.format(best),
            dockedHere == 0 ? "" : String.format(", %.1f s per molecule", seconds / dockedHere));
    return new ToolOutput(ref, summary);
  }
}

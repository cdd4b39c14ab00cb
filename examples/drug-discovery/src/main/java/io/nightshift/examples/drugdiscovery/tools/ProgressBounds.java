package io.nightshift.examples.drugdiscovery.tools;

import java.util.Locale;
import java.util.Optional;

/**
 * The fixed reference bounds that normalise each objective to 0 (the reference, worst) .. 1 (best) for the
 * hypervolume, so the figure means the same in every round and every run with the same engine: docking 0 .. -120
 * ChemPLP (imatinib, the reference ligand, scores about -114) or 0 .. -14 kcal/mol Vina (imatinib -13.2); QED 0 ..
 * 1; SA score 10 .. 1. DiffDock's confidence has no agreed scale, so no hypervolume is computed for it.
 */
record ProgressBounds(String dockUnit, double dockWorst, double dockBest) {
  static final ProgressBounds CHEMPLP = new ProgressBounds("ChemPLP", 0, -120);
  static final ProgressBounds VINA = new ProgressBounds("Vina kcal/mol", 0, -14);

  /** The bounds for the engine that a {@code dock_engine} value names; empty for an engine without fixed ones. */
  static Optional<ProgressBounds> forEngine(String dockEngine) {
    String engine = dockEngine.toLowerCase(Locale.ROOT);
    if (engine.contains("chemplp")) {
      return Optional.of(CHEMPLP);
    }
    if (engine.contains("vina")) {
      return Optional.of(VINA);
    }
    return Optional.empty();
  }

  double dock(double score) {
    return (dockWorst - score) / (dockWorst - dockBest);
  }

  static double qed(double qed) {
    return qed;
  }

  static double sa(double sa) {
    return (10 - sa) / 9;
  }

  /** The sentence the report prints under the chart. */
  String describe(boolean withSa) {
    return String.format(Locale.ROOT, "docking %s %.0f (worst) .. %.0f (best), QED 0 .. 1%s", dockUnit, dockWorst,
        dockBest, withSa ? ", SA score 10 .. 1" : "");
  }
}

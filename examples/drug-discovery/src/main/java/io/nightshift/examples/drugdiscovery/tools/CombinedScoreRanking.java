package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.chem.Fingerprint;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.Qed;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code chem.select ranking=combined}, the ranking before issue 18: combined = dock_weight * dock + (1 -
 * dock_weight) * QED, where dock is the docking score min-max scaled over the set to 0 (worst) .. 1 (best) and
 * counts 0 for a molecule that was not docked. Without any docking scores the ranking is by QED alone. Ties by id.
 * Kept for comparison with the Pareto ranking and for users who want one weighted score.
 */
final class CombinedScoreRanking {
  private CombinedScoreRanking() {}

  /** @param molecules the parsed molecule of each candidate, same order */
  static List<RankedCandidate> rank(List<Candidate> candidates, List<Molecule> molecules, double dockWeight) {
    double best = Double.POSITIVE_INFINITY, worst = Double.NEGATIVE_INFINITY;
    for (Candidate c : candidates) {
      for (double s : c.number(Columns.DOCK_SCORE).stream().toList()) {
        best = Math.min(best, s);
        worst = Math.max(worst, s);
      }
    }
    boolean docked = best <= worst;
    double weight = docked ? dockWeight : 0;
    record Scored(RankedCandidate ranked, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      Molecule molecule = molecules.get(i);
      double qed = c.number(Columns.QED).orElseGet(() -> Qed.of(molecule));
      double dock = 0;
      if (docked && c.number(Columns.DOCK_SCORE).isPresent()) {
        double s = c.number(Columns.DOCK_SCORE).get();
        dock = worst == best ? 1 : (worst - s) / (worst - best);
      }
      double score = weight * dock + (1 - weight) * qed;
      TreeMap<String, String> columns = new TreeMap<>();
      columns.put(Columns.COMBINED_SCORE, Numbers.format(score));
      scored.add(new Scored(new RankedCandidate(c, Fingerprint.ecfp4(molecule), columns), score));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.ranked().candidate().id()));
    return scored.stream().map(Scored::ranked).toList();
  }

  static boolean anyDocked(List<Candidate> candidates) {
    return candidates.stream().anyMatch(c -> c.number(Columns.DOCK_SCORE).isPresent());
  }
}

package io.nightshift.examples.drugdiscovery.chem;

import java.util.Map;
import java.util.SortedMap;

/**
 * Synthetic accessibility score (P. Ertl, A. Schuffenhauer, "Estimation of synthetic accessibility score of
 * drug-like molecules based on molecular complexity and fragment contributions", J. Cheminform. 1 (2009) 8), as
 * RDKit's Contrib sascorer.py (2013 revision, in RDKit 2022.09) computes it: 1 = easy to make .. 10 = very hard.
 *
 * <p>Fragment score: the mean published contribution over the molecule's unfolded Morgan environments (radius 2,
 * counted with multiplicity; unknown environments -4). Complexity penalty: size (n^1.005 - n), stereocentres
 * including unassigned ones, spiro atoms and bridgeheads (each log10(count + 1)), and log10(2) if any ring has
 * more than 8 atoms. A symmetry bonus, 0.5 ln(atoms / distinct environments), favours symmetric molecules. The
 * raw sum is mapped linearly onto 1..10 and smoothed above 8. Checked against RDKit on the shipped seeds and
 * generated analogues in SyntheticAccessibilityTest.
 */
public final class SyntheticAccessibility {
  private static final double RAW_MIN = -4.0;
  private static final double RAW_MAX = 2.5;

  private SyntheticAccessibility() {}

  public static double score(Molecule molecule) {
    return score(terms(molecule));
  }

  /** The score from its terms: sascorer.calculateScore after the fingerprint and the counts. */
  static double score(Terms t) {
    double sizePenalty = Math.pow(t.atoms(), 1.005) - t.atoms();
    double complexity = -sizePenalty - Math.log10(t.stereoCentres() + 1) - Math.log10(t.spiroAtoms() + 1)
        - Math.log10(t.bridgeheads() + 1) - (t.macrocycles() > 0 ? Math.log10(2) : 0);
    double symmetry = t.atoms() > t.distinctEnvironments()
        ? 0.5 * Math.log((double) t.atoms() / t.distinctEnvironments())
        : 0;
    double raw = t.fragmentScore() + complexity + symmetry;
    double scaled = 11 - (raw - RAW_MIN + 1) / (RAW_MAX - RAW_MIN) * 9;
    if (scaled > 8) {
      scaled = 8 + Math.log(scaled + 1 - 9);
    }
    return Math.min(10, Math.max(1, scaled));
  }

  /**
   * What the score is made of, so a difference from RDKit can be traced to its source.
   *
   * @param fragmentScore        mean contribution over all environments, counted with multiplicity
   * @param distinctEnvironments how many different environment ids the molecule has
   */
  public record Terms(double fragmentScore, int distinctEnvironments, int atoms, int stereoCentres,
      int spiroAtoms, int bridgeheads, int macrocycles) {}

  public static Terms terms(Molecule molecule) {
    RdkitMolGraph graph = RdkitMolGraph.of(molecule);
    SortedMap<Long, Integer> environments = MorganEnvironments.counts(graph, 2);
    SaFragmentScores table = SaFragmentScores.shared();
    double sum = 0;
    int occurrences = 0;
    for (Map.Entry<Long, Integer> e : environments.entrySet()) {
      sum += table.contribution(e.getKey()) * e.getValue();
      occurrences += e.getValue();
    }
    RingFeatures rings = RingFeatures.of(graph);
    return new Terms(sum / occurrences, environments.size(), graph.atomCount,
        PotentialStereoCentres.count(graph, rings), rings.spiroAtoms(), rings.bridgeheadAtoms(graph),
        rings.macrocycles());
  }
}

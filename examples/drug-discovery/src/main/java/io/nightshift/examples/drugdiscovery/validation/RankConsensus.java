package io.nightshift.examples.drugdiscovery.validation;

import java.util.List;

/**
 * A rank-based consensus of several docking engines: each molecule's mean fractional rank over the engines (1 =
 * best). Ranks, not scores, because ChemPLP and Vina kcal/mol are different units on different scales; a mean
 * rank needs no scaling and no weights. Lower is better, like the scores it combines.
 */
public final class RankConsensus {
  private RankConsensus() {}

  /** {@code scoresByEngine.get(e)[i]} is engine e's score of molecule i; every engine scores the same molecules. */
  public static double[] meanRank(List<double[]> scoresByEngine) {
    if (scoresByEngine.isEmpty()) {
      throw new IllegalArgumentException("no engine to combine");
    }
    int n = scoresByEngine.get(0).length;
    double[] mean = new double[n];
    for (double[] scores : scoresByEngine) {
      if (scores.length != n) {
        throw new IllegalArgumentException("engines scored different numbers of molecules: " + n + " and "
            + scores.length);
      }
      double[] ranks = Ranks.ascending(scores);
      for (int i = 0; i < n; i++) {
        mean[i] += ranks[i] / scoresByEngine.size();
      }
    }
    return mean;
  }
}
